-- What commands need to know of projects (exists, archived, billable by default). Written by a
-- subscribing handler in the same transaction as the project's events.
CREATE TABLE project_directory (
    project_id TEXT    PRIMARY KEY,
    tenant_id  TEXT    NOT NULL,
    billable   BOOLEAN NOT NULL,
    archived   BOOLEAN NOT NULL
);
