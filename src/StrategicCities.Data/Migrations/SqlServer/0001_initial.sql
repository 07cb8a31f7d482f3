-- 0001_initial (SQL Server): offices, applications, append-only events, API keys, idempotency records, expiry claims.
-- One batch (no GO): statements that must start a batch (CREATE TRIGGER) go through EXEC.

CREATE TABLE dbo.offices (
    id          uniqueidentifier  NOT NULL PRIMARY KEY,
    name        nvarchar(200)     NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);

-- Joint offices (uffici associati / SUAP of an unione di comuni): office <-> municipality, many to many.
CREATE TABLE dbo.office_municipalities (
    office_id     uniqueidentifier NOT NULL REFERENCES dbo.offices (id),
    municipality  nchar(6)         NOT NULL,
    CONSTRAINT pk_office_municipalities PRIMARY KEY (office_id, municipality)
);
CREATE INDEX ix_office_municipalities_municipality ON dbo.office_municipalities (municipality);

CREATE TABLE dbo.applications (
    id                 uniqueidentifier  NOT NULL PRIMARY KEY,
    municipality       nchar(6)          NOT NULL,
    office_id          uniqueidentifier  NULL REFERENCES dbo.offices (id),
    regime             nvarchar(64)      NULL,
    form               nvarchar(64)      NOT NULL,
    state              nvarchar(64)      NOT NULL,
    data               nvarchar(max)     NOT NULL,
    pinned_versions    nvarchar(max)     NULL,      -- JSON list of PinnedVersion (rule sets and forms), set at submission
    procedure_id       nvarchar(128)     NULL,
    procedure_version  nvarchar(64)      NULL,
    procedure_hash     nvarchar(128)     NULL,
    version            bigint            NOT NULL,  -- optimistic concurrency: every write is "... WHERE version = @expected"
    created_at         datetimeoffset(7) NOT NULL,
    updated_at         datetimeoffset(7) NOT NULL,
    created_by         nvarchar(64)      NOT NULL,  -- actor id (API key id), never a name
    filed_on           date              NULL,      -- legal reference date; null while draft
    decided_on         date              NULL,
    outcome            nvarchar(64)      NULL
);
CREATE INDEX ix_applications_municipality_state ON dbo.applications (municipality, state);
CREATE INDEX ix_applications_office ON dbo.applications (office_id);
CREATE INDEX ix_applications_filed_on ON dbo.applications (filed_on);
CREATE INDEX ix_applications_created_at ON dbo.applications (created_at);

-- The audit trail: append-only, gapless seq per application (the primary key is the unique (application_id, seq)).
CREATE TABLE dbo.application_events (
    application_id     uniqueidentifier  NOT NULL REFERENCES dbo.applications (id),
    seq                bigint            NOT NULL CHECK (seq > 0),
    occurred_at        datetimeoffset(7) NOT NULL,
    actor_id           nvarchar(64)      NOT NULL,
    actor_role         nvarchar(32)      NOT NULL,
    trigger_name       nvarchar(128)     NOT NULL,
    from_state         nvarchar(64)      NULL,
    to_state           nvarchar(64)      NOT NULL,
    payload            nvarchar(max)     NULL,
    pinned_versions    nvarchar(max)     NULL,
    procedure_id       nvarchar(128)     NULL,
    procedure_version  nvarchar(64)      NULL,
    procedure_hash     nvarchar(128)     NULL,
    CONSTRAINT pk_application_events PRIMARY KEY (application_id, seq)
);

EXEC (N'CREATE TRIGGER dbo.application_events_append_only ON dbo.application_events INSTEAD OF UPDATE, DELETE AS
BEGIN
    THROW 50000, N''application_events is append-only'', 1;
END');

-- Only the SHA-256 of a key's secret is stored; the prefix identifies the key to people and to the lookup.
CREATE TABLE dbo.api_keys (
    id           uniqueidentifier  NOT NULL PRIMARY KEY,
    prefix       nvarchar(32)      NOT NULL UNIQUE,
    secret_hash  nvarchar(64)      NOT NULL,
    role         nvarchar(32)      NOT NULL CHECK (role IN (N'portal', N'clerk', N'supervisor', N'rules-author', N'admin')),
    office_id    uniqueidentifier  NULL REFERENCES dbo.offices (id),
    label        nvarchar(200)     NULL,
    created_at   datetimeoffset(7) NOT NULL,
    revoked_at   datetimeoffset(7) NULL,
    CHECK (role NOT IN (N'clerk', N'supervisor') OR office_id IS NOT NULL)
);

CREATE TABLE dbo.idempotency_records (
    caller         nvarchar(64)      NOT NULL,
    idem_key       nvarchar(200)     NOT NULL,
    request_hash   nvarchar(64)      NOT NULL,
    status_code    int               NULL,      -- null while the first request is still being processed
    response_body  nvarchar(max)     NULL,
    created_at     datetimeoffset(7) NOT NULL,
    completed_at   datetimeoffset(7) NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (caller, idem_key)
);
CREATE INDEX ix_idempotency_records_created_at ON dbo.idempotency_records (created_at);

-- The deadline sweep claims an expired term before firing its trigger, so two instances never fire it twice.
CREATE TABLE dbo.expiry_claims (
    application_id  uniqueidentifier  NOT NULL REFERENCES dbo.applications (id),
    term_id         nvarchar(128)     NOT NULL,
    due_on          date              NOT NULL,
    trigger_name    nvarchar(128)     NOT NULL,
    claimed_by      nvarchar(128)     NULL,
    claimed_until   datetimeoffset(7) NULL,
    completed_at    datetimeoffset(7) NULL,
    CONSTRAINT pk_expiry_claims PRIMARY KEY (application_id, term_id, due_on)
);
CREATE INDEX ix_expiry_claims_claimed_until ON dbo.expiry_claims (claimed_until);
