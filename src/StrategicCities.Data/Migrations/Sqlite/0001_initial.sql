-- 0001_initial (SQLite): offices, applications, append-only events, API keys, idempotency records, expiry claims.
-- Column types: GUIDs are lowercase TEXT ('D' format); instants are UTC TEXT 'yyyy-MM-ddTHH:mm:ss.fffffffZ' (fixed
-- width, so text order is time order); legal dates are TEXT 'yyyy-MM-dd'; JSON is TEXT. See SqlTypeHandlers.cs.

CREATE TABLE offices (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- Joint offices (uffici associati / SUAP of an unione di comuni): one office serves many municipalities, and a
-- municipality may be served by more than one office.
CREATE TABLE office_municipalities (
    office_id     TEXT NOT NULL REFERENCES offices (id),
    municipality  TEXT NOT NULL CHECK (length(municipality) = 6),
    PRIMARY KEY (office_id, municipality)
);
CREATE INDEX ix_office_municipalities_municipality ON office_municipalities (municipality);

CREATE TABLE applications (
    id                 TEXT    NOT NULL PRIMARY KEY,
    municipality       TEXT    NOT NULL CHECK (length(municipality) = 6),
    office_id          TEXT    NULL REFERENCES offices (id),
    regime             TEXT    NULL,
    form               TEXT    NOT NULL,
    state              TEXT    NOT NULL,
    data               TEXT    NOT NULL,
    pinned_versions    TEXT    NULL,      -- JSON list of PinnedVersion (rule sets and forms), set at submission
    procedure_id       TEXT    NULL,
    procedure_version  TEXT    NULL,
    procedure_hash     TEXT    NULL,
    version            INTEGER NOT NULL,  -- optimistic concurrency: every write is "... WHERE version = @expected"
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    created_by         TEXT    NOT NULL,  -- actor id (API key id), never a name
    filed_on           TEXT    NULL,      -- legal reference date; null while draft
    decided_on         TEXT    NULL,
    outcome            TEXT    NULL
);
CREATE INDEX ix_applications_municipality_state ON applications (municipality, state);
CREATE INDEX ix_applications_office ON applications (office_id);
CREATE INDEX ix_applications_filed_on ON applications (filed_on);
CREATE INDEX ix_applications_created_at ON applications (created_at);

-- The audit trail: append-only, gapless seq per application (the primary key is the unique (application_id, seq)).
CREATE TABLE application_events (
    application_id     TEXT    NOT NULL REFERENCES applications (id),
    seq                INTEGER NOT NULL CHECK (seq > 0),
    occurred_at        TEXT    NOT NULL,
    actor_id           TEXT    NOT NULL,
    actor_role         TEXT    NOT NULL,
    trigger_name       TEXT    NOT NULL,
    from_state         TEXT    NULL,
    to_state           TEXT    NOT NULL,
    payload            TEXT    NULL,
    pinned_versions    TEXT    NULL,
    procedure_id       TEXT    NULL,
    procedure_version  TEXT    NULL,
    procedure_hash     TEXT    NULL,
    PRIMARY KEY (application_id, seq)
);

CREATE TRIGGER application_events_no_update BEFORE UPDATE ON application_events
BEGIN
    SELECT RAISE(ABORT, 'application_events is append-only');
END;

CREATE TRIGGER application_events_no_delete BEFORE DELETE ON application_events
BEGIN
    SELECT RAISE(ABORT, 'application_events is append-only');
END;

-- Only the SHA-256 of a key's secret is stored; the prefix identifies the key to people and to the lookup.
CREATE TABLE api_keys (
    id           TEXT NOT NULL PRIMARY KEY,
    prefix       TEXT NOT NULL UNIQUE,
    secret_hash  TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('portal', 'clerk', 'supervisor', 'rules-author', 'admin')),
    office_id    TEXT NULL REFERENCES offices (id),
    label        TEXT NULL,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT NULL,
    CHECK (role NOT IN ('clerk', 'supervisor') OR office_id IS NOT NULL)
);

CREATE TABLE idempotency_records (
    caller         TEXT    NOT NULL,
    idem_key       TEXT    NOT NULL,
    request_hash   TEXT    NOT NULL,
    status_code    INTEGER NULL,      -- null while the first request is still being processed
    response_body  TEXT    NULL,
    created_at     TEXT    NOT NULL,
    completed_at   TEXT    NULL,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at);

-- The deadline sweep claims an expired term before firing its trigger, so two instances never fire it twice.
CREATE TABLE expiry_claims (
    application_id  TEXT NOT NULL REFERENCES applications (id),
    term_id         TEXT NOT NULL,
    due_on          TEXT NOT NULL,
    trigger_name    TEXT NOT NULL,
    claimed_by      TEXT NULL,
    claimed_until   TEXT NULL,
    completed_at    TEXT NULL,
    PRIMARY KEY (application_id, term_id, due_on)
);
CREATE INDEX ix_expiry_claims_claimed_until ON expiry_claims (claimed_until);
