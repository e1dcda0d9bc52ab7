-- Fails the append that called it: an aggregate's first new sequence number is not the next
-- one, because another command stored that aggregate's next events first. The append ends
-- with its transaction's COMMIT in the same round trip, so a lost race has to fail the
-- statement itself for that COMMIT to be skipped (ADR 3). The error code is the one the
-- storage engine turns into a concurrency conflict.
CREATE FUNCTION append_conflict(aggregate TEXT, expected BIGINT) RETURNS INTEGER
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    RAISE EXCEPTION 'An aggregate % was changed concurrently: its new events are not the next in sequence (expected %)',
        aggregate, expected USING ERRCODE = 'TL409';
END
$$;
