-- 0001_initial (PostgreSQL): offices, applications, append-only events, API keys, idempotency records, expiry claims.
-- JSON is stored as text (the store never queries inside it, and text round-trips the document byte for byte).

CREATE TABLE offices (
    id          uuid        NOT NULL PRIMARY KEY,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Joint offices (uffici associati / SUAP of an unione di comuni): office <-> municipality, many to many.
CREATE TABLE office_municipalities (
    office_id     uuid    NOT NULL REFERENCES offices (id),
    municipality  char(6) NOT NULL,
    PRIMARY KEY (office_id, municipality)
);
CREATE INDEX ix_office_municipalities_municipality ON office_municipalities (municipality);

CREATE TABLE applications (
    id                 uuid        NOT NULL PRIMARY KEY,
    municipality       char(6)     NOT NULL,
    office_id          uuid        NULL REFERENCES offices (id),
    regime             text        NULL,
    form               text        NOT NULL,
    state              text        NOT NULL,
    data               text        NOT NULL,
    pinned_versions    text        NULL,      -- JSON list of PinnedVersion (rule sets and forms), set at submission
    procedure_id       text        NULL,
    procedure_version  text        NULL,
    procedure_hash     text        NULL,
    version            bigint      NOT NULL,  -- optimistic concurrency: every write is "... WHERE version = @expected"
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,  -- actor id (API key id), never a name
    filed_on           date        NULL,      -- legal reference date; null while draft
    decided_on         date        NULL,
    outcome            text        NULL
);
CREATE INDEX ix_applications_municipality_state ON applications (municipality, state);
CREATE INDEX ix_applications_office ON applications (office_id);
CREATE INDEX ix_applications_filed_on ON applications (filed_on);
CREATE INDEX ix_applications_created_at ON applications (created_at);

-- The audit trail: append-only, gapless seq per application (the primary key is the unique (application_id, seq)).
CREATE TABLE application_events (
    application_id     uuid        NOT NULL REFERENCES applications (id),
    seq                bigint      NOT NULL CHECK (seq > 0),
    occurred_at        timestamptz NOT NULL,
    actor_id           text        NOT NULL,
    actor_role         text        NOT NULL,
    trigger_name       text        NOT NULL,
    from_state         text        NULL,
    to_state           text        NOT NULL,
    payload            text        NULL,
    pinned_versions    text        NULL,
    procedure_id       text        NULL,
    procedure_version  text        NULL,
    procedure_hash     text        NULL,
    PRIMARY KEY (application_id, seq)
);

CREATE FUNCTION application_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'application_events is append-only';
END
$$;

CREATE TRIGGER application_events_append_only BEFORE UPDATE OR DELETE ON application_events
    FOR EACH ROW EXECUTE FUNCTION application_events_append_only();

-- Only the SHA-256 of a key's secret is stored; the prefix identifies the key to people and to the lookup.
CREATE TABLE api_keys (
    id           uuid        NOT NULL PRIMARY KEY,
    prefix       text        NOT NULL UNIQUE,
    secret_hash  text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('portal', 'clerk', 'supervisor', 'rules-author', 'admin')),
    office_id    uuid        NULL REFERENCES offices (id),
    label        text        NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz NULL,
    CHECK (role NOT IN ('clerk', 'supervisor') OR office_id IS NOT NULL)
);

CREATE TABLE idempotency_records (
    caller         text        NOT NULL,
    idem_key       text        NOT NULL,
    request_hash   text        NOT NULL,
    status_code    integer     NULL,      -- null while the first request is still being processed
    response_body  text        NULL,
    created_at     timestamptz NOT NULL,
    completed_at   timestamptz NULL,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at);

-- The deadline sweep claims an expired term before firing its trigger, so two instances never fire it twice.
CREATE TABLE expiry_claims (
    application_id  uuid        NOT NULL REFERENCES applications (id),
    term_id         text        NOT NULL,
    due_on          date        NOT NULL,
    trigger_name    text        NOT NULL,
    claimed_by      text        NULL,
    claimed_until   timestamptz NULL,
    completed_at    timestamptz NULL,
    PRIMARY KEY (application_id, term_id, due_on)
);
CREATE INDEX ix_expiry_claims_claimed_until ON expiry_claims (claimed_until);
