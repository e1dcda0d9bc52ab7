-- What changed in which projection key, in the transaction that changed it: the history that
-- live subscribers resume from. position is the event position of the change, so it grows
-- along every destination; a row with destination '*' tells every subscriber of the
-- projection to refetch everything (a rebuilt version went live).
CREATE TABLE change_log (
    destination TEXT        NOT NULL,
    position    BIGINT      NOT NULL,
    projection  TEXT        NOT NULL,
    tenant_id   TEXT,
    kind        TEXT        NOT NULL,
    key         JSONB       NOT NULL,
    cause       TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (destination, position)
);

CREATE INDEX change_log_projection ON change_log (projection, position);
CREATE INDEX change_log_recorded_at ON change_log (recorded_at);

-- Per projection, the highest position that retention removed: a subscriber resuming from an
-- older position gets a reset.
CREATE TABLE change_log_horizon (
    projection TEXT   PRIMARY KEY,
    position   BIGINT NOT NULL
);
