package dev.timeledger.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The throughput benchmark's baseline: the event rows a run stored, inserted again with
 * plain JDBC into a copy of the event table, one row per transaction.
 */
final class RawInsertBaseline {

	private RawInsertBaseline() {
	}

	/**
	 * The raw baseline: the measured run's event rows inserted again, one per
	 * transaction, into a copy of the event table by {@code threads} threads.
	 * @return rows per second
	 */
	static double rowsPerSecond(String database, int threads, long from) throws Exception {
		List<Object[]> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS raw_event_entry");
			statement.execute("CREATE TABLE raw_event_entry (LIKE domain_event_entry INCLUDING ALL)");
			try (ResultSet rs = statement.executeQuery("""
					SELECT event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
					       payload_revision, payload::text, meta_data::text
					FROM domain_event_entry WHERE global_index >= %d ORDER BY global_index""".formatted(from))) {
				while (rs.next()) {
					rows.add(new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
							rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9) });
				}
			}
		}
		AtomicInteger next = new AtomicInteger();
		long started = System.nanoTime();
		ThroughputBenchmark.phase(threads, (t) -> {
			try (Connection connection = DriverManager.getConnection(database);
					PreparedStatement insert = connection.prepareStatement("""
							INSERT INTO raw_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
							  time_stamp, payload_type, payload_revision, payload, meta_data)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")) {
				connection.setAutoCommit(true);
				for (int i = next.getAndIncrement(); i < rows.size(); i = next.getAndIncrement()) {
					Object[] row = rows.get(i);
					for (int column = 0; column < row.length; column++) {
						insert.setObject(column + 1, row[column]);
					}
					insert.executeUpdate();
				}
			}
			return new long[0];
		});
		double seconds = (System.nanoTime() - started) / 1e9;
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE raw_event_entry");
		}
		return rows.size() / seconds;
	}

	/** The highest event position stored. */
	static long head(String database) throws Exception {
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
