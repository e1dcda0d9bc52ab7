-- The correlation id of the request whose event caused a change, so that the log line of its
-- push carries the same id as the request's. Null for resets and for rows recorded before.
ALTER TABLE change_log ADD COLUMN correlation_id TEXT;
