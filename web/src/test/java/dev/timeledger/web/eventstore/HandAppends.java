package dev.timeledger.web.eventstore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Stores event rows by hand the way the event store appends them: under its append lock,
 * in the connection's open transaction. For rows no command writes: appends held open or
 * rolled back, events of an older revision.
 */
public final class HandAppends {

	private HandAppends() {
	}

	/**
	 * Appends the first event of a worker's worklog.
	 * @param payloadType the public name, such as {@code TimeEntryRecorded}
	 * @param revision the revision the payload is stored as
	 * @param payload the JSON payload
	 * @return the event's global position
	 */
	public static long firstWorklogEvent(Connection connection, String tenant, String user, String payloadType,
			String revision, String payload) throws SQLException {
		try (Statement lock = connection.createStatement()) {
			lock.execute("SELECT pg_advisory_xact_lock(" + PostgresEventStorageEngine.APPEND_LOCK + ")");
		}
		try (PreparedStatement insert = connection.prepareStatement(
				"""
						INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
						  payload_type, payload_revision, payload, meta_data)
						VALUES (?, ?, 0, 'Worklog', now(), ?, ?, CAST(? AS jsonb), '{}')
						RETURNING global_index""")) {
			insert.setString(1, UUID.randomUUID().toString());
			insert.setString(2, URLEncoder.encode(tenant, StandardCharsets.UTF_8) + ":" + user);
			insert.setString(3, payloadType);
			insert.setString(4, revision);
			insert.setString(5, payload);
			try (ResultSet position = insert.executeQuery()) {
				position.next();
				return position.getLong(1);
			}
		}
	}

}
