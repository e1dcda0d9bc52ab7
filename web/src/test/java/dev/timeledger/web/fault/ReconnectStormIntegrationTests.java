package dev.timeledger.web.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.timeledger.web.embeddedpostgres.EmbeddedPostgresServer;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ChildServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reconnect storm: thousands of STOMP clients (default 2,000,
 * {@code -Dstorm.clients=N}) follow the weekly reports of ten workers. The server is
 * stopped and started again, a change is written on every destination, and all the
 * clients reconnect within half a second, each resuming with {@code since} its last
 * position. Every client must get its destination's new change exactly once, in order,
 * without a reset, and then a live one.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReconnectStormIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(ReconnectStormIntegrationTests.class);

	private static final int WORKERS = 10;

	private static final String WEEK = "2026-W47";

	/** The reconnects are spread over this much time: a storm, not a queue. */
	private static final long STORM_JITTER_MILLIS = 500;

	private static final long FIRST_CONNECT_JITTER_MILLIS = 5000;

	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(120);

	/**
	 * Generous: a connection costs about 26 KB of the server's heap (ADR 13), but the
	 * storm's 2,000 reconnects, their backlogs and the projections' catch-up come at
	 * once. Before ADR 13 each connection's WebSocket buffers took about 0.4 MB, and 512
	 * MB, the other fault tests' heap, ran out near 1,000 clients.
	 */
	private static final String SERVER_HEAP = "2g";

	/** File descriptors the test JVM needs besides one per client. */
	private static final int SPARE_DESCRIPTORS = 512;

	@TempDir
	Path directory;

	@Test
	void thousandsOfClientsReconnectAtOnceWithSince_allGetWhatTheyMissedExactlyOnce() throws Exception {
		int count = clientCount();
		EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startEphemeral();
		String url = postgres.jdbcUrl(EmbeddedPostgresServer.uniqueDatabaseName("reconnect_storm"));
		ExecutorService callbacks = Executors.newFixedThreadPool(4, daemon("storm-http"));
		ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("storm-timer"));
		HttpClient http = HttpClient.newBuilder().executor(callbacks).build();
		List<StormClient> clients = new ArrayList<>();
		try (ChildServer server = new ChildServer(ChildServer.logs("reconnect-storm"),
				List.of("-Xmx" + SERVER_HEAP, "-XX:+ExitOnOutOfMemoryError"), arguments(url))) {
			ApiClient api = server.start();
			String tenant = ApiClient.newTenant();
			String manager = api.token(tenant, "mia", "manager");
			ApiClient.Response project = api.post("/api/projects", manager, Map.of("name", "Storm"));
			assertThat(project.status()).as(project.body()).isEqualTo(201);
			String projectId = project.json().get("projectId").asText();
			List<String> workers = new ArrayList<>();
			for (int worker = 0; worker < WORKERS; worker++) {
				workers.add(api.token(tenant, "w" + worker, "worker"));
			}
			URI ws = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
			for (int i = 0; i < count; i++) {
				String destination = "/topic/tenants/" + tenant + "/weekly-reports/w" + (i % WORKERS) + "/" + WEEK;
				clients.add(new StormClient(ws, http, scheduler, manager, destination, position(project)));
			}

			// Phase 1: everyone subscribes since the project's creation (so that no
			// change is missed, whenever the SUBSCRIBE lands) and gets one change.
			clients.forEach((client) -> client.start(jitter(FIRST_CONNECT_JITTER_MILLIS)));
			long[] first = record(api, workers, projectId, "2026-11-16");
			await("first change", clients, Duration.ofSeconds(90),
					(i) -> clients.get(i).receipts.reached(first[i % WORKERS]));
			int firstRetries = clients.stream().mapToInt(StormClient::retries).sum();

			// Phase 2: the server goes and comes back with one more change on every
			// destination; then everyone reconnects at once and resumes with since.
			clients.forEach(StormClient::expectDrop);
			server.stop();
			await("connection closed by the stop", clients, Duration.ofSeconds(30), (i) -> clients.get(i).dropped());
			Map<String, Long> drops = clients.stream()
				.collect(Collectors.groupingBy(StormClient::dropCause, TreeMap::new, Collectors.counting()));
			ApiClient restarted = server.start();
			long ready = System.nanoTime();
			long[] second = record(restarted, workers, projectId, "2026-11-17");
			double written = (System.nanoTime() - ready) / 1e9;
			clients.forEach((client) -> client.start(jitter(STORM_JITTER_MILLIS)));
			await("change written after the restart", clients, RECOVERY_LIMIT.minusNanos(System.nanoTime() - ready),
					(i) -> clients.get(i).receipts.reached(second[i % WORKERS]));
			double[] recovery = IntStream.range(0, count)
				.mapToDouble((i) -> (clients.get(i).receipts.arrivalOf(second[i % WORKERS]) - ready) / 1e9)
				.sorted()
				.toArray();
			double reconnected = clients.stream().mapToLong(StormClient::connectedAt).max().orElse(ready) - ready;
			int retries = clients.stream().mapToInt(StormClient::retries).sum();
			Map<String, Integer> causes = new TreeMap<>();
			clients
				.forEach((client) -> client.retryCauses().forEach((cause, n) -> causes.merge(cause, n, Integer::sum)));

			// Phase 3: the resumed subscriptions are live.
			long[] third = record(restarted, workers, projectId, "2026-11-18");
			await("live change after the storm", clients, Duration.ofSeconds(60),
					(i) -> clients.get(i).receipts.reached(third[i % WORKERS]));

			Map<String, Integer> errors = new TreeMap<>();
			clients.forEach((client) -> client.errors().forEach((code, n) -> errors.merge(code, n, Integer::sum)));
			for (int i = 0; i < count; i++) {
				StormClient client = clients.get(i);
				int worker = i % WORKERS;
				assertThat(client.receipts.positions())
					.as("positions received by client %d on %s", i, client.destination)
					.containsExactly(first[worker], second[worker], third[worker]);
				assertThat(client.receipts.resets()).as("resets of client %d", i).isZero();
				assertThat(client.refusal()).as("refusal of client %d", i).isNull();
			}
			assertThat(errors.keySet()).as("ERROR frames other than retryable refusals")
				.isSubsetOf(StormClient.RETRYABLE);
			int duplicates = clients.stream().mapToInt((client) -> client.receipts.duplicates()).sum();
			int lower = clients.stream().mapToInt((client) -> client.receipts.lower()).sum();
			assertThat(duplicates + lower).isZero();
			logger.info("FAULT reconnect storm: {} clients on {} destinations; server stopped (clients saw {}) and"
					+ " started again; {} changes written {} s after it was ready, then every client reconnected"
					+ " within {} ms with since; all CONNECTED again {} s after ready; recovered 50% {} s, 99% {} s,"
					+ " 100% {} s after ready; {} retries in the storm {}, {} in the first connect; ERROR frames {};"
					+ " duplicates {}, missed 0, resets 0", count, WORKERS, drops, WORKERS, seconds(written),
					STORM_JITTER_MILLIS, seconds(reconnected / 1e9), seconds(percentile(recovery, 50)),
					seconds(percentile(recovery, 99)), seconds(recovery[recovery.length - 1]), retries, causes,
					firstRetries, errors, duplicates + lower);
		}
		finally {
			clients.forEach(StormClient::close);
			scheduler.shutdownNow();
			callbacks.shutdownNow();
			postgres.close();
		}
	}

	/** One entry per worker on {@code day}; the position of each. */
	private static long[] record(ApiClient api, List<String> workers, String projectId, String day) {
		long[] positions = new long[workers.size()];
		for (int worker = 0; worker < workers.size(); worker++) {
			ApiClient.Response recorded = api.post("/api/time-entries", workers.get(worker),
					Map.of("projectId", projectId, "start", day + "T09:00:00Z", "end", day + "T10:00:00Z"));
			assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
			positions[worker] = position(recorded);
		}
		return positions;
	}

	private static long position(ApiClient.Response response) {
		String header = response.header("TimeLedger-Position");
		return (header != null) ? Long.parseLong(header) : response.position();
	}

	/**
	 * Waits until every client passes; fails at once when one was refused for good, and
	 * at the limit with the first that did not pass.
	 */
	private static void await(String what, List<StormClient> clients, Duration limit, IntPredicate done)
			throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		List<Integer> waiting = new ArrayList<>(IntStream.range(0, clients.size()).boxed().toList());
		while (true) {
			waiting.removeIf(done::test);
			if (waiting.isEmpty()) {
				return;
			}
			for (int i : waiting) {
				if (clients.get(i).refusal() != null) {
					throw new AssertionError("Client " + i + " was refused: " + clients.get(i).refusal());
				}
			}
			if (System.nanoTime() > deadline) {
				StormClient late = clients.get(waiting.get(0));
				throw new AssertionError(waiting.size() + " of " + clients.size() + " clients still waiting for the "
						+ what + " after " + limit.toSeconds() + " s; one of them: " + late.destination + ", positions "
						+ late.receipts.positions() + ", last failure " + late.lastFailure() + ", errors "
						+ late.errors());
			}
			Thread.sleep(50);
		}
	}

	/** As many clients as asked for, or as the open-files limit leaves room for. */
	private static int clientCount() throws IOException {
		int wanted = Integer.getInteger("storm.clients", 2000);
		Path limits = Path.of("/proc/self/limits");
		if (!Files.isReadable(limits)) {
			return wanted;
		}
		for (String line : Files.readAllLines(limits)) {
			if (line.startsWith("Max open files")) {
				String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
				if (!soft.equals("unlimited") && Long.parseLong(soft) - SPARE_DESCRIPTORS < wanted) {
					int fits = (int) Math.max(WORKERS, Long.parseLong(soft) - SPARE_DESCRIPTORS);
					logger.warn("Only {} open files allowed: {} clients instead of {}", soft, fits, wanted);
					return fits;
				}
			}
		}
		return wanted;
	}

	private List<String> arguments(String url) {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--timeledger.data-dir=" + this.directory.resolve("data"), "--logging.level.root=WARN",
				"--timeledger.live.connect-timeout=60s");
	}

	private static long jitter(long millis) {
		return ThreadLocalRandom.current().nextLong(millis + 1);
	}

	private static double percentile(double[] sorted, int percent) {
		return sorted[Math.max(0, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
	}

	private static String seconds(double seconds) {
		return String.format("%.2f", seconds);
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger threads = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
