package dev.timeledger.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.timeledger.web.support.ApiClient;

/**
 * Write throughput over HTTP against a raw baseline measured in the same run.
 * <p>
 * The packaged server runs as a JVM of its own on its embedded PostgreSQL, so that the
 * CPU a command costs splits into the server's, its database's and the clients'.
 * <p>
 * Clients on their own threads drive workers through a realistic week, one command at a
 * time each: six manual entries, an amendment, a timer started and stopped, the week
 * submitted, and a manager's approval; then the next week. Every command is answered
 * before the client sends its next one (closed loop). The baseline then inserts the very
 * event rows these commands stored into a copy of the event table, one row per
 * transaction, with the same number of threads.
 */
final class ThroughputBenchmark {

	private ThroughputBenchmark() {
	}

	static void run(int commands) throws Exception {
		int clients = Integer.getInteger("clients", 16);
		int workersPerClient = Integer.getInteger("workers-per-client", 4);
		String maxHeap = System.getProperty("throughput.server.heap", "2g");
		// more server settings for experiments: -Dthroughput.server.args="--a=b --c=d"
		List<String> settings = ServerProcess.words("throughput.server.args");
		try (ServerProcess server = ServerProcess.start(maxHeap, settings)) {
			String database = server.postgresJdbcUrl();
			ApiClient api = new ApiClient(server.port());
			String manager = api.token("acme", "mia", "manager");
			String operator = api.token("acme", "otto", "operator");
			String projectId = api.post("/api/projects", manager, Map.of("name", "Apollo", "billable", true))
				.json()
				.get("projectId")
				.asText();
			WeekDriver[] all = new WeekDriver[clients];
			for (int c = 0; c < clients; c++) {
				List<WeekDriver.Worker> workers = new ArrayList<>();
				for (int w = 0; w < workersPerClient; w++) {
					String user = "w" + c + "-" + w;
					workers.add(new WeekDriver.Worker(user, api.token("acme", user, "worker")));
				}
				all[c] = new WeekDriver(new KeepAliveHttp("127.0.0.1", server.port(), Duration.ofSeconds(30)),
						projectId, manager, workers);
			}

			int round = Integer.getInteger("warmup", Math.max(clients * WeekDriver.STEPS, commands / 4));
			Warmup.untilCompiled(server, 30, () -> {
				phase(clients, (c) -> all[c].drive(round / clients));
				return round;
			});
			long firstMeasured = RawInsertBaseline.head(database) + 1;
			TopStatements statements = TopStatements.reset(database);
			CpuUse cpu = CpuUse.start(server.pid(), server.postgres());
			long started = System.nanoTime();
			List<long[]> latencies = phase(clients, (c) -> all[c].drive(commands / clients));
			double seconds = (System.nanoTime() - started) / 1e9;
			long[] merged = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			double serverMillis = cpu.serverCoreSeconds() * 1000 / merged.length;
			double postgresMillis = cpu.databaseCoreSeconds() * 1000 / merged.length;
			double clientMillis = cpu.hereCoreSeconds() * 1000 / merged.length;
			double busy = cpu.machineBusy();
			Map<String, Double> serverByKind = cpu.serverByKind();
			long errors = Arrays.stream(all).mapToLong((client) -> client.errors).sum();
			Arrays.stream(all).forEach(WeekDriver::close);
			long events = RawInsertBaseline.head(database) - firstMeasured + 1;
			// the baseline gets the machine to itself: the projections catch up first
			double catchUp = ProjectionLag.awaitNone(api, operator, Duration.ofMinutes(2));

			double raw = RawInsertBaseline.rowsPerSecond(database, clients, firstMeasured);
			double perSecond = merged.length / seconds;
			System.out.println();
			System.out.printf(Locale.ROOT, "%d clients, %d workers, %d commands (%d errors), %d events%n", clients,
					clients * workersPerClient, merged.length, errors, events);
			System.out.printf(Locale.ROOT,
					"CPU per command: server JVM %.2f ms, its PostgreSQL %.2f ms, the clients %.2f ms; the machine"
							+ " was %.0f%% busy%n",
					serverMillis, postgresMillis, clientMillis, 100 * busy);
			System.out.println("Server JVM CPU per command by thread kind: " + serverByKind.entrySet()
				.stream()
				.map((kind) -> String.format(Locale.ROOT, "%s %.2f ms", kind.getKey(),
						kind.getValue() * 1000 / merged.length))
				.collect(java.util.stream.Collectors.joining(", ")));
			statements.print(merged.length);
			System.out.printf(Locale.ROOT, "The projections caught up %.1f s after the last command%n", catchUp);
			System.out.println("| commands/s | events/s | p50 | p99 | raw inserts/s | events/s : raw |");
			System.out.println("|---|---|---|---|---|---|");
			System.out.printf(Locale.ROOT, "| %.0f | %.0f | %.1f ms | %.1f ms | %.0f | %.0f%% |%n", perSecond,
					events / seconds, merged[merged.length / 2] / 1000.0, merged[(int) (merged.length * 0.99)] / 1000.0,
					raw, 100 * (events / seconds) / raw);
		}
	}

	static List<long[]> phase(int threads, ThrowingTask task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<long[]>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int index = t;
				futures.add(executor.submit(() -> task.run(index)));
			}
			List<long[]> results = new ArrayList<>();
			for (Future<long[]> future : futures) {
				results.add(future.get(10, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	@FunctionalInterface
	interface ThrowingTask {

		long[] run(int index) throws Exception;

	}

}
