package dev.timeledger.query.projection;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.timeledger.events.EventCatalog;
import org.axonframework.eventhandling.EventMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events projections parked, in {@code projection_parked_event}. Written by the
 * processors in the transaction of the batch that parks or releases them.
 */
@Component
public class ParkedEvents {

	private final JdbcClient jdbc;

	ParkedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every parked event, oldest first, at most {@code limit}. */
	public List<ParkedEvent> list(String projection, int limit) {
		return this.jdbc
			.sql("""
					SELECT projection, version, sequence_key, position, event_type, tenant_id, error, attempts, parked_at
					FROM projection_parked_event WHERE (CAST(? AS text) IS NULL OR projection = ?) ORDER BY position, projection, version
					LIMIT ?""")
			.params(projection, projection, limit)
			.query((rs, row) -> new ParkedEvent(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getTimestamp(9).toInstant()))
			.list();
	}

	/** The number of parked events per projection (every version). */
	public Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("SELECT projection, count(*) FROM projection_parked_event GROUP BY projection ORDER BY 1")
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/** Whether a projection has parked events of this sequence. */
	public boolean isParked(String projection, String sequence) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM projection_parked_event WHERE projection = ? AND sequence_key = ?)")
			.params(projection, sequence)
			.query(Boolean.class)
			.single();
	}

	Set<String> sequences(String projection, int version) {
		return new HashSet<>(this.jdbc
			.sql("SELECT DISTINCT sequence_key FROM projection_parked_event WHERE projection = ? AND version = ?")
			.params(projection, version)
			.query(String.class)
			.list());
	}

	void park(String projection, int version, String sequence, long position, EventMessage<?> message, String error) {
		String type = EventCatalog.byClass(message.getPayloadType())
			.map(EventCatalog.EventType::name)
			.orElse(message.getPayloadType().getSimpleName());
		// the tenant from the stored row: an event that cannot be read names it there too
		this.jdbc.sql("""
				INSERT INTO projection_parked_event
				(projection, version, sequence_key, position, event_type, tenant_id, error)
				SELECT ?, ?, ?, ?, ?, (SELECT tenant_id FROM domain_event_entry WHERE global_index = ?), ?
				ON CONFLICT DO NOTHING""")
			.params(projection, version, sequence, position, type, position, error)
			.update();
	}

	/**
	 * The condition that selects the parked events of a sequence from the event store.
	 */
	static String parkedPositions() {
		return "global_index IN (SELECT position FROM projection_parked_event"
				+ " WHERE projection = ? AND version = ? AND sequence_key = ?) ORDER BY global_index";
	}

	void failedAgain(String projection, int version, long position, String error) {
		this.jdbc.sql("""
				UPDATE projection_parked_event SET error = ?, attempts = attempts + 1
				WHERE projection = ? AND version = ? AND position = ?""")
			.params(error, projection, version, position)
			.update();
	}

	void released(String projection, int version, long position) {
		this.jdbc.sql("DELETE FROM projection_parked_event WHERE projection = ? AND version = ? AND position = ?")
			.params(projection, version, position)
			.update();
	}

}
