-- Fails the append that calls it with SQLSTATE TL409, which the storage engine turns into a lost
-- optimistic-concurrency race: an aggregate's first new sequence number is not the next one, or
-- a fact its command read from memory no longer holds (ADR 3, ADR 19). The append sends its
-- transaction's COMMIT in the same round trip, so a lost race has to fail the statement itself
-- for that COMMIT to be skipped.
CREATE FUNCTION append_conflict(reason TEXT) RETURNS INTEGER
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    RAISE EXCEPTION 'The append lost a race: %', reason USING ERRCODE = 'TL409';
END
$$;
