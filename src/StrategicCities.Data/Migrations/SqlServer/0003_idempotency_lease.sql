-- 0003_idempotency_lease (SQL Server): when the attempt now holding an in-progress idempotency key took it (null: at
-- created_at, the first attempt). A key still in progress past its lease belongs to an attempt that died; a retry
-- takes it over by setting this instant, compare-and-set on the old one (IdempotencyStore).
ALTER TABLE dbo.idempotency_records ADD lease_started_at datetimeoffset(7) NULL;
