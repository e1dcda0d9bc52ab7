package dev.timeledger.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.events.EventCatalog;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionProgress;
import dev.timeledger.query.projection.ProjectionRunner;
import dev.timeledger.web.eventstore.EventJson;
import dev.timeledger.web.support.EventSeeder;

/**
 * Rebuild throughput against a raw baseline measured in the same run: the baseline reads
 * the event table in order and decodes every payload into its event record; the rebuild
 * replays the same events through a projection's processor into a new version of its
 * tables.
 */
final class RebuildBenchmark {

	private RebuildBenchmark() {
	}

	static void run(int events) throws Exception {
		try (BenchmarkServer server = BenchmarkServer.start()) {
			ProjectionRunner runner = server.bean(ProjectionRunner.class);
			ProjectionProgress progress = server.bean(ProjectionProgress.class);
			runner.stop();
			long seedStart = System.nanoTime();
			long head = EventSeeder.seed(server.jdbc(), events);
			System.out.printf(Locale.ROOT, "Seeded %,d events in %.1f s%n", head, seconds(seedStart));

			double baseline = 0;
			for (int round = 0; round < 3; round++) {
				baseline = Math.max(baseline, readAndDecode(server.bean(DataSource.class), head));
			}

			long catchUpStart = System.nanoTime();
			runner.start();
			for (Projection projection : runner.projections()) {
				awaitPosition(progress, projection.name(), null, head);
			}
			double catchUp = head * runner.projections().size() / seconds(catchUpStart);
			System.out.printf(Locale.ROOT, "All %d live projections from zero together: %,.0f events/s%n",
					runner.projections().size(), catchUp);

			System.out.println();
			System.out.println("| projection | rebuild events/s | raw read+decode events/s | ratio |");
			System.out.println("|---|---|---|---|");
			for (Projection projection : runner.projections()) {
				long start = System.nanoTime();
				int version = runner.rebuild(projection, true).orElseThrow();
				awaitPosition(progress, projection.name(), version, head);
				double rate = head / seconds(start);
				// the best of the baseline runs: the ratio is never flattered by a slow
				// baseline
				System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.0f%% |%n", projection.name(), rate, baseline,
						100 * rate / baseline);
				runner.switchNow(projection);
			}
		}
	}

	/** Reads every event in order and decodes its payload; answers events per second. */
	private static double readAndDecode(DataSource dataSource, long expected) throws Exception {
		ObjectMapper json = EventJson.events();
		long start = System.nanoTime();
		long count = 0;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT global_index, payload_type, payload::text, meta_data::text FROM domain_event_entry"
							+ " ORDER BY global_index")) {
				statement.setFetchSize(1000);
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						Class<?> type = EventCatalog.byName(rows.getString(2)).orElseThrow().javaType();
						json.readValue(rows.getString(3), type);
						json.readTree(rows.getString(4));
						count++;
					}
				}
			}
			connection.commit();
		}
		if (count != expected) {
			throw new IllegalStateException("Read " + count + " events, expected " + expected);
		}
		double rate = count / seconds(start);
		System.out.printf(Locale.ROOT, "Raw read + JSON decode: %,.0f events/s%n", rate);
		return rate;
	}

	private static void awaitPosition(ProjectionProgress progress, String projection, Integer version, long head)
			throws InterruptedException {
		while ((version != null) ? progress.position(projection, version) < head
				: progress.position(projection) < head) {
			Thread.sleep(20);
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
