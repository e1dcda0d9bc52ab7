package dev.timeledger.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;

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

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Commands per worker and week: 6 entries, amend, start, stop, submit, approve. */
	private static final int STEPS = 11;

	private ThroughputBenchmark() {
	}

	static void run(int commands) throws Exception {
		int clients = Integer.getInteger("clients", 16);
		int workersPerClient = Integer.getInteger("workers-per-client", 4);
		String maxHeap = System.getProperty("throughput.server.heap", "2g");
		// more server settings for experiments: -Dthroughput.server.args="--a=b --c=d"
		String extra = System.getProperty("throughput.server.args", "").trim();
		List<String> settings = extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
		try (ServerProcess server = ServerProcess.start(maxHeap, settings)) {
			String base = "http://127.0.0.1:" + server.port();
			String database = server.postgresJdbcUrl();
			HttpClient setup = HttpClient.newHttpClient();
			DevTokens tokens = new DevTokens(setup, server.port());
			String manager = tokens.issue("acme", "mia", "manager");
			String operator = tokens.issue("acme", "otto", "operator");
			String projectId = JSON
				.readTree(
						send(setup, base + "/api/projects", manager, "POST", "{\"name\":\"Apollo\",\"billable\":true}")
							.body())
				.get("projectId")
				.asText();
			Client[] all = new Client[clients];
			for (int c = 0; c < clients; c++) {
				List<Worker> workers = new ArrayList<>();
				for (int w = 0; w < workersPerClient; w++) {
					String user = "w" + c + "-" + w;
					workers.add(new Worker(user, tokens.issue("acme", user, "worker")));
				}
				all[c] = new Client(base, projectId, manager, workers);
			}

			int warmup = Math.max(clients * STEPS, commands / 10);
			phase(clients, (c) -> all[c].drive(warmup / clients));
			long firstMeasured = head(database) + 1;
			CpuUse cpu = CpuUse.start(server.pid(), server.postgres());
			long started = System.nanoTime();
			List<long[]> latencies = phase(clients, (c) -> all[c].drive(commands / clients));
			double seconds = (System.nanoTime() - started) / 1e9;
			int measured = latencies.stream().mapToInt((l) -> l.length).sum();
			double serverMillis = cpu.serverCoreSeconds() * 1000 / measured;
			double postgresMillis = cpu.databaseCoreSeconds() * 1000 / measured;
			double clientMillis = cpu.hereCoreSeconds() * 1000 / measured;
			double busy = cpu.machineBusy();
			long[] merged = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			long errors = Arrays.stream(all).mapToLong((client) -> client.errors).sum();
			long events = head(database) - firstMeasured + 1;
			// the baseline gets the machine to itself: the projections catch up first
			double catchUp = ProjectionLag.awaitNone(setup, base, operator, Duration.ofMinutes(2));

			double raw = baseline(database, clients, firstMeasured);
			double perSecond = merged.length / seconds;
			System.out.println();
			System.out.printf(Locale.ROOT, "%d clients, %d workers, %d commands (%d errors), %d events%n", clients,
					clients * workersPerClient, merged.length, errors, events);
			System.out.printf(Locale.ROOT,
					"CPU per command: server JVM %.2f ms, its PostgreSQL %.2f ms, the clients %.2f ms; the machine"
							+ " was %.0f%% busy%n",
					serverMillis, postgresMillis, clientMillis, 100 * busy);
			System.out.printf(Locale.ROOT, "The projections caught up %.1f s after the last command%n", catchUp);
			System.out.println("| commands/s | events/s | p50 | p99 | raw inserts/s | events/s : raw |");
			System.out.println("|---|---|---|---|---|---|");
			System.out.printf(Locale.ROOT, "| %.0f | %.0f | %.1f ms | %.1f ms | %.0f | %.0f%% |%n", perSecond,
					events / seconds, merged[merged.length / 2] / 1000.0, merged[(int) (merged.length * 0.99)] / 1000.0,
					raw, 100 * (events / seconds) / raw);
		}
	}

	/**
	 * The raw baseline: the measured run's event rows inserted again, one per
	 * transaction, into a copy of the event table by {@code threads} threads.
	 * @return rows per second
	 */
	private static double baseline(String database, int threads, long from) throws Exception {
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
		phase(threads, (t) -> {
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

	private static long head(String database) throws Exception {
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static List<long[]> phase(int threads, ThrowingTask task) throws Exception {
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

	private static HttpResponse<String> send(HttpClient http, String url, String token, String method, String body)
			throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@FunctionalInterface
	private interface ThrowingTask {

		long[] run(int index) throws Exception;

	}

	/** A worker's place in its current week. */
	private static final class Worker {

		final String user;

		final String token;

		int week;

		int step;

		String firstEntry;

		Worker(String user, String token) {
			this.user = user;
			this.token = token;
		}

		LocalDate monday() {
			return LocalDate.parse("2000-01-03").plusWeeks(this.week);
		}

	}

	/** One client: its own connection, its workers in turn, and its latencies. */
	private static final class Client {

		private final HttpClient http = HttpClient.newHttpClient();

		private final String base;

		private final String projectId;

		private final String manager;

		private final List<Worker> workers;

		private int turn;

		long errors;

		Client(String base, String projectId, String manager, List<Worker> workers) {
			this.base = base;
			this.projectId = projectId;
			this.manager = manager;
			this.workers = workers;
		}

		long[] drive(int commands) throws Exception {
			long[] micros = new long[commands];
			for (int i = 0; i < commands; i++) {
				Worker worker = this.workers.get(this.turn++ % this.workers.size());
				long sent = System.nanoTime();
				HttpResponse<String> response = step(worker);
				micros[i] = (System.nanoTime() - sent) / 1000;
				if (response.statusCode() / 100 != 2) {
					this.errors++;
					if (this.errors <= 5) {
						System.err.println(worker.user + " step " + worker.step + ": " + response.statusCode() + " "
								+ response.body());
					}
				}
				else if (worker.step == 0) {
					worker.firstEntry = JSON.readTree(response.body()).get("entryId").asText();
				}
				worker.step = (worker.step + 1) % STEPS;
				if (worker.step == 0) {
					worker.week++;
				}
			}
			return micros;
		}

		private HttpResponse<String> step(Worker worker) throws Exception {
			LocalDate monday = worker.monday();
			String week = String.format(Locale.ROOT, "%d-W%02d",
					monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
					monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			return switch (worker.step) {
				case 0, 1, 2, 3, 4, 5 -> {
					String day = monday.plusDays(worker.step).toString();
					yield post(worker.token, "/api/time-entries",
							"{\"projectId\":\"" + this.projectId + "\",\"start\":\"" + day + "T09:00:00Z\",\"end\":\""
									+ day + "T10:00:00Z\",\"task\":\"build\",\"description\":\"step " + worker.step
									+ "\"}");
				}
				case 6 -> send(this.http, this.base + "/api/time-entries/" + worker.firstEntry, worker.token, "PUT",
						"{\"projectId\":\"" + this.projectId + "\",\"start\":\"" + monday + "T11:00:00Z\",\"end\":\""
								+ monday + "T12:30:00Z\",\"task\":\"review\"}");
				case 7 -> post(worker.token, "/api/time-entries/start",
						"{\"projectId\":\"" + this.projectId + "\",\"at\":\"" + monday.plusDays(6) + "T09:00:00Z\"}");
				case 8 ->
					post(worker.token, "/api/time-entries/stop", "{\"at\":\"" + monday.plusDays(6) + "T09:30:00Z\"}");
				case 9 -> post(worker.token, "/api/timesheets/me/" + week + "/submission", "{}");
				default -> post(this.manager, "/api/timesheets/" + worker.user + "/" + week + "/approval",
						"{\"comment\":\"ok\"}");
			};
		}

		private HttpResponse<String> post(String token, String path, String body) throws Exception {
			return send(this.http, this.base + path, token, "POST", body);
		}

	}

}
