-- 0002_monitoring (SQLite): what the legal clock says about each application, kept on the row so that the statistics
-- are plain SQL aggregates. Written by the clock assessment (Core Monitoring.ApplicationClock) at the application
-- version in clock_assessed_version; rows written since (version > clock_assessed_version) are assessed again by
-- `permits stats` before it aggregates. All columns are derived from the events: dropping them loses nothing.

ALTER TABLE applications ADD COLUMN within_term INTEGER NULL;            -- 1/0: express decision within the legal term; NULL otherwise
ALTER TABLE applications ADD COLUMN integration_requests INTEGER NULL;   -- interruptions of the decision term (requests for integrations)
ALTER TABLE applications ADD COLUMN integration_days INTEGER NULL;       -- calendar days from each request to the integrations received
ALTER TABLE applications ADD COLUMN clock_assessed_version INTEGER NULL; -- the application version the three columns above were computed at

CREATE INDEX ix_applications_decided_on ON applications (decided_on);
