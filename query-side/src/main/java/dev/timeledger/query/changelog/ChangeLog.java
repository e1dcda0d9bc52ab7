package dev.timeledger.query.changelog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.query.projection.ProjectionJson;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the change log: new changes of a projection in order, and the backlog of a
 * destination since a position. Keeps it to its retention (default 7 days).
 */
@Component
public class ChangeLog {

	private static final ObjectMapper JSON = ProjectionJson.mapper();

	private static final TypeReference<Map<String, Object>> KEY = new TypeReference<>() {
	};

	/**
	 * The highest position below which every change row of a projection has committed:
	 * the position its live processor's segments have all reached. Rows are written in
	 * the transaction that stores the token, so a row above it may still be followed by a
	 * lower one committed late (several segments or nodes); rows at or below it never
	 * are.
	 */
	private static final String VISIBLE = """
			position <= (SELECT coalesce(min(coalesce((convert_from(t.token, 'UTF8')::jsonb ->> 'index')::bigint, 0)), 0)
			  FROM token_entry t JOIN projection_version v ON t.processor_name = v.projection || '@' || v.live_version
			  WHERE v.projection = change_log.projection)""";

	private final JdbcClient jdbc;

	private final Duration retention;

	ChangeLog(JdbcClient jdbc, @Value("${timeledger.live.retention:7d}") Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	/**
	 * The visible changes of a projection after a cursor, in the order position, kind
	 * ({@code invalidate} before {@code reset}), destination. One position can hold many
	 * rows (an event that changes several destinations; a rebuild's reset written after
	 * the last change it covers), so a reader resumes after the row, not the position.
	 * ({@code position >= ?} lets the index on projection and position bound the read.)
	 */
	public List<Change> after(String projection, Cursor after, int limit) {
		return this.jdbc.sql("""
				SELECT projection, destination, position, kind, key::text, cause, occurred_at, correlation_id
				FROM change_log
				WHERE projection = ? AND position >= ? AND (position, kind, destination) > (?, ?, ?) AND %s
				ORDER BY position, kind, destination LIMIT ?""".formatted(VISIBLE))
			.params(projection, after.position(), after.position(), after.kind(), after.destination(), limit)
			.query(ChangeLog::change)
			.list();
	}

	/**
	 * The cursor after the projection's last visible change; a new reader starts there.
	 */
	public Cursor last(String projection) {
		return this.jdbc.sql("""
				SELECT position, kind, destination FROM change_log WHERE projection = ? AND %s
				ORDER BY position DESC, kind DESC, destination DESC LIMIT 1""".formatted(VISIBLE))
			.param(projection)
			.query((rs, row) -> new Cursor(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElse(Cursor.START);
	}

	/** The highest position of the projection's changes, 0 when it has none. */
	public long latest(String projection) {
		return this.jdbc.sql("SELECT coalesce(max(position), 0) FROM change_log WHERE projection = ?")
			.param(projection)
			.query(Long.class)
			.single();
	}

	/**
	 * What a subscriber that saw everything up to {@code since} missed on a destination:
	 * the changes after it, or one reset when the history no longer reaches back, a
	 * rebuilt version went live meanwhile, or more than {@code limit} changes were missed
	 * (a backlog is never sent in part). A rebuild that went live exactly at
	 * {@code since} recorded its reset at that position, after what a subscriber saw or
	 * read there: that reset counts as missed. A position cannot tell whether the
	 * subscriber received it, so one that did gets it once more, and one that did not
	 * never loses it.
	 */
	public List<Change> backlog(String projection, String destination, long since, int limit) {
		long horizon = this.jdbc.sql("SELECT coalesce(max(position), 0) FROM change_log_horizon WHERE projection = ?")
			.param(projection)
			.query(Long.class)
			.single();
		List<Change> missed = this.jdbc.sql("""
				SELECT projection, destination, position, kind, key::text, cause, occurred_at, correlation_id
				FROM change_log
				WHERE projection = ? AND destination IN (?, '*')
				  AND (position > ? OR (position = ? AND kind = 'reset')) AND %s
				ORDER BY position, kind DESC LIMIT ?""".formatted(VISIBLE))
			.params(projection, destination, since, since, limit + 1)
			.query(ChangeLog::change)
			.list();
		if (since < horizon || missed.size() > limit || missed.stream().anyMatch(Change::reset)) {
			return List.of(reset(projection, Math.max(latest(projection), since)));
		}
		return missed;
	}

	/** Records that every subscriber of the projection must refetch everything. */
	public void recordReset(String projection, long position) {
		this.jdbc.sql("""
				INSERT INTO change_log (destination, position, projection, kind, key, occurred_at)
				VALUES ('*', ?, ?, 'reset', '{}', now()) ON CONFLICT DO NOTHING""")
			.params(position, projection)
			.update();
		// the name alone wakes every projection: the reset may share its position with
		// the last change a tailer has read
		this.jdbc.sql("SELECT pg_notify('timeledger_changes', ?)").param(projection).query().listOfRows();
	}

	/**
	 * The payload of the {@code timeledger_changes} notification sent with changes up to
	 * a position: {@code projection:position}. A node that has read the projection up to
	 * the position need not read it again.
	 */
	public static String announcement(String projection, long position) {
		return projection + ":" + position;
	}

	/** A reset of a projection, as sent to one subscriber. */
	public static Change reset(String projection, long position) {
		return new Change(projection, Change.ALL, position, Change.RESET, Map.of(), null, Instant.now(), null);
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void removeExpired() {
		this.jdbc
			.sql("""
					WITH removed AS (
					  DELETE FROM change_log WHERE recorded_at < now() - make_interval(secs => ?)
					  RETURNING projection, position
					)
					INSERT INTO change_log_horizon (projection, position)
					SELECT projection, max(position) FROM removed GROUP BY projection
					ON CONFLICT (projection) DO UPDATE SET position = greatest(change_log_horizon.position, EXCLUDED.position)
					""")
			.param(this.retention.toSeconds())
			.update();
	}

	private static Change change(ResultSet rs, int row) throws SQLException {
		try {
			return new Change(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					JSON.readValue(rs.getString(5), KEY), rs.getString(6), rs.getTimestamp(7).toInstant(),
					rs.getString(8));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A reader's place in a projection's changes: after the row with this position, kind
	 * and destination.
	 */
	public record Cursor(long position, String kind, String destination) {

		/** Before every change. */
		public static final Cursor START = new Cursor(0, "", "");

		/** Just after a change that was read. */
		public static Cursor after(Change change) {
			return new Cursor(change.position(), change.kind(), change.destination());
		}

	}

}
