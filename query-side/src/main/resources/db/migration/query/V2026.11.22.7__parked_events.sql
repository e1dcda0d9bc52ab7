-- Events a projection version parked because its handler failed on one of them (or on an
-- earlier event of the same sequence): one timesheet, timer or project stops progressing
-- while every other one goes on. An operator lists them and releases a sequence, which the
-- projection then handles again in order.
CREATE TABLE projection_parked_event (
    projection   TEXT        NOT NULL,
    version      INTEGER     NOT NULL,
    sequence_key TEXT        NOT NULL,
    position     BIGINT      NOT NULL,
    event_type   TEXT        NOT NULL,
    tenant_id    TEXT,
    error        TEXT        NOT NULL,
    attempts     INTEGER     NOT NULL DEFAULT 1,
    parked_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (projection, version, position)
);

CREATE INDEX projection_parked_event_sequence ON projection_parked_event (projection, version, sequence_key, position);
