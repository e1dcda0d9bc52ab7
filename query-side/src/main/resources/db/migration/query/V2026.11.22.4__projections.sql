-- Which version of each projection reads use, and which one is being rebuilt.
CREATE TABLE projection_version (
    projection         TEXT PRIMARY KEY,
    live_version       INTEGER NOT NULL,
    rebuilding_version INTEGER,
    rebuild_started_at TIMESTAMPTZ,
    -- a manual switch waits for an operator once the rebuild has caught up
    manual_switch      BOOLEAN NOT NULL DEFAULT false
);

-- Every projection table is partitioned by version: a partition per live or rebuilding
-- version, created and dropped by the application.

-- weekly-report: every entry of every worker, each week's status, each worker's running timer.
CREATE TABLE weekly_entry (
    version     INTEGER     NOT NULL,
    tenant_id   TEXT        NOT NULL,
    entry_id    TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    week        TEXT        NOT NULL,
    project_id  TEXT        NOT NULL,
    task        TEXT,
    description TEXT,
    start       TIMESTAMPTZ NOT NULL,
    end_at      TIMESTAMPTZ NOT NULL,
    seconds     BIGINT      NOT NULL,
    billable    BOOLEAN     NOT NULL,
    zone        TEXT        NOT NULL,
    PRIMARY KEY (version, tenant_id, entry_id)
) PARTITION BY LIST (version);

CREATE INDEX weekly_entry_week ON weekly_entry (version, tenant_id, user_id, week);

CREATE TABLE weekly_status (
    version   INTEGER NOT NULL,
    tenant_id TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    week      TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    PRIMARY KEY (version, tenant_id, user_id, week)
) PARTITION BY LIST (version);

CREATE TABLE weekly_timer (
    version   INTEGER NOT NULL,
    tenant_id TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    timer     JSONB   NOT NULL,
    PRIMARY KEY (version, tenant_id, user_id)
) PARTITION BY LIST (version);

-- timesheet: the same entries and statuses, and each week's notes and decisions.
CREATE TABLE timesheet_entry (LIKE weekly_entry INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (version);
ALTER TABLE timesheet_entry ADD PRIMARY KEY (version, tenant_id, entry_id);
CREATE INDEX timesheet_entry_week ON timesheet_entry (version, tenant_id, user_id, week);

CREATE TABLE timesheet_status (LIKE weekly_status INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (version);
ALTER TABLE timesheet_status ADD PRIMARY KEY (version, tenant_id, user_id, week);

CREATE TABLE timesheet_note (
    version       INTEGER     NOT NULL,
    tenant_id     TEXT        NOT NULL,
    annotation_id TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    week          TEXT        NOT NULL,
    text          TEXT        NOT NULL,
    entry_id      TEXT,
    written_by    TEXT        NOT NULL,
    written_at    TIMESTAMPTZ NOT NULL,
    position      BIGINT      NOT NULL,
    PRIMARY KEY (version, tenant_id, annotation_id)
) PARTITION BY LIST (version);
CREATE INDEX timesheet_note_week ON timesheet_note (version, tenant_id, user_id, week);

CREATE TABLE timesheet_decision (
    version    INTEGER     NOT NULL,
    tenant_id  TEXT        NOT NULL,
    position   BIGINT      NOT NULL,
    user_id    TEXT        NOT NULL,
    week       TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    decided_by TEXT        NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL,
    comment    TEXT,
    PRIMARY KEY (version, tenant_id, position)
) PARTITION BY LIST (version);
CREATE INDEX timesheet_decision_week ON timesheet_decision (version, tenant_id, user_id, week);

-- team-weekly-report: every entry's seconds per day of its week, each worker's status.
CREATE TABLE team_entry (
    version   INTEGER NOT NULL,
    tenant_id TEXT    NOT NULL,
    entry_id  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    week      TEXT    NOT NULL,
    monday    BIGINT  NOT NULL,
    tuesday   BIGINT  NOT NULL,
    wednesday BIGINT  NOT NULL,
    thursday  BIGINT  NOT NULL,
    friday    BIGINT  NOT NULL,
    saturday  BIGINT  NOT NULL,
    sunday    BIGINT  NOT NULL,
    PRIMARY KEY (version, tenant_id, entry_id)
) PARTITION BY LIST (version);

CREATE INDEX team_entry_week ON team_entry (version, tenant_id, week);

CREATE TABLE team_status (
    version   INTEGER NOT NULL,
    tenant_id TEXT    NOT NULL,
    week      TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    PRIMARY KEY (version, tenant_id, week, user_id)
) PARTITION BY LIST (version);

CREATE TABLE team_member (
    version   INTEGER NOT NULL,
    tenant_id TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    PRIMARY KEY (version, tenant_id, user_id)
) PARTITION BY LIST (version);

-- project-report: every entry of a project, and the project's rates over time.
CREATE TABLE project_entry (
    version    INTEGER     NOT NULL,
    tenant_id  TEXT        NOT NULL,
    entry_id   TEXT        NOT NULL,
    project_id TEXT        NOT NULL,
    user_id    TEXT        NOT NULL,
    task       TEXT,
    week       TEXT        NOT NULL,
    start      TIMESTAMPTZ NOT NULL,
    seconds    BIGINT      NOT NULL,
    billable   BOOLEAN     NOT NULL,
    PRIMARY KEY (version, tenant_id, entry_id)
) PARTITION BY LIST (version);

CREATE INDEX project_entry_project ON project_entry (version, tenant_id, project_id, week);

CREATE TABLE project_rate (
    version        INTEGER     NOT NULL,
    tenant_id      TEXT        NOT NULL,
    project_id     TEXT        NOT NULL,
    effective_from TIMESTAMPTZ NOT NULL,
    amount         NUMERIC(12, 2),
    currency       TEXT,
    PRIMARY KEY (version, tenant_id, project_id, effective_from)
) PARTITION BY LIST (version);
