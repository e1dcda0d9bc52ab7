-- The table of the test projection "poisoned", whose handler fails on entries described as poison.
CREATE TABLE poisoned_entry (
    version   INTEGER NOT NULL,
    tenant_id TEXT    NOT NULL,
    entry_id  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    week      TEXT    NOT NULL,
    PRIMARY KEY (version, tenant_id, entry_id)
) PARTITION BY LIST (version);
