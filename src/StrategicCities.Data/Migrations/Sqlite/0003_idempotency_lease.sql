-- 0003_idempotency_lease (SQLite): when the attempt now holding an in-progress idempotency key took it (null: at
-- created_at, the first attempt). A key still in progress past its lease belongs to an attempt that died; a retry
-- takes it over by setting this instant, compare-and-set on the old one (IdempotencyStore).
ALTER TABLE idempotency_records ADD COLUMN lease_started_at TEXT NULL;
