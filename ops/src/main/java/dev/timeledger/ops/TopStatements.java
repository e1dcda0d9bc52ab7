package dev.timeledger.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The statements the database spent its time on, from {@code pg_stat_statements} when the
 * server was started with it
 * ({@code --timeledger.embedded-postgres.settings.shared_preload_libraries=pg_stat_statements});
 * silent otherwise.
 */
final class TopStatements {

	private final String database;

	private final boolean available;

	private TopStatements(String database, boolean available) {
		this.database = database;
		this.available = available;
	}

	/** Starts counting afresh, when the extension is there. */
	static TopStatements reset(String database) {
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			statement.execute("SELECT pg_stat_statements_reset()");
			statement.execute("SELECT pg_stat_reset_shared('wal')");
			return new TopStatements(database, true);
		}
		catch (SQLException ex) {
			return new TopStatements(database, false);
		}
	}

	/**
	 * Prints the statements with the most execution time, and the most calls, since the
	 * reset.
	 */
	void print(int commands) throws SQLException {
		if (!this.available) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(this.database);
				Statement statement = connection.createStatement()) {
			try (ResultSet total = statement.executeQuery("SELECT sum(calls), sum(total_exec_time),"
					+ " (SELECT wal_sync FROM pg_stat_wal) FROM pg_stat_statements")) {
				total.next();
				System.out.printf(Locale.ROOT,
						"Statements (pg_stat_statements): %.1f per command, %.2f ms of execution per command; WAL"
								+ " flushed to disk %.2f times per command%n",
						total.getDouble(1) / commands, total.getDouble(2) / commands, total.getDouble(3) / commands);
			}
			printTop(statement, commands, "execution time", "total_exec_time");
			printTop(statement, commands, "calls", "calls");
		}
	}

	private static void printTop(Statement statement, int commands, String title, String order) throws SQLException {
		System.out.println("Statements by " + title + ", per command:");
		System.out.println("| ms per command | calls per command | mean ms | statement |");
		System.out.println("|---|---|---|---|");
		try (ResultSet rows = statement.executeQuery("SELECT total_exec_time, calls, mean_exec_time,"
				+ " regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements ORDER BY " + order
				+ " DESC LIMIT 15")) {
			while (rows.next()) {
				String query = rows.getString(4);
				System.out.printf(Locale.ROOT, "| %.3f | %.2f | %.3f | `%s` |%n", rows.getDouble(1) / commands,
						rows.getDouble(2) / commands, rows.getDouble(3),
						(query.length() > 140) ? query.substring(0, 140) + "…" : query);
			}
		}
	}

}
