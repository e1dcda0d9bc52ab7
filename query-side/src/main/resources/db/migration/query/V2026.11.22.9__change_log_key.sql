-- Every reset row has the destination '*': keyed by destination and position alone, the
-- reset of a second projection switching at the same position was dropped. Rows are now
-- unique per projection, destination and position; a backlog reads a destination of a
-- projection through this key.
ALTER TABLE change_log DROP CONSTRAINT change_log_pkey;
ALTER TABLE change_log ADD PRIMARY KEY (projection, destination, position);
