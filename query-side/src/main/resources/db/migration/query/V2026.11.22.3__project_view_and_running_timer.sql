-- Projects as clients list them.
CREATE TABLE project_view (
    project_id  TEXT PRIMARY KEY,
    tenant_id   TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    client      TEXT,
    billable    BOOLEAN     NOT NULL,
    archived    BOOLEAN     NOT NULL,
    hourly_rate NUMERIC(12, 2),
    currency    TEXT,
    rate_effective_from TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX project_view_tenant ON project_view (tenant_id, name);

-- The running timer of each worker.
CREATE TABLE running_timer (
    tenant_id   TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    entry_id    TEXT        NOT NULL,
    project_id  TEXT        NOT NULL,
    task        TEXT,
    description TEXT,
    started_at  TIMESTAMPTZ NOT NULL,
    zone        TEXT        NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
