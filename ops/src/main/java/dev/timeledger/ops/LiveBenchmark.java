package dev.timeledger.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Live invalidation at scale, server and clients on loopback: the packaged server in its
 * own JVM, N STOMP subscribers on the JDK WebSocket client in this one. W = 100 of them
 * measure: worker w's own weekly report, while commands record entries for the W workers;
 * the other N - W are idle: a manager watching weekly reports nobody changes.
 * <ol>
 * <li>delivery latency at 200 commands/s with only the W measuring subscribers connected:
 * the baseline;</li>
 * <li>server heap per idle connection: heap after a full collection with all N connected,
 * minus the same just before the idle ones connected, over N - W;</li>
 * <li>delivery latency at 200 commands/s again, with all N connected;</li>
 * <li>deliveries/s on the team destination with the N - W idle clients subscribed.</li>
 * </ol>
 */
final class LiveBenchmark {

	private static final int WORKERS = 100;

	/** Commands per second; {@code -Dlive.rate} changes it for a diagnosis. */
	private static final int RATE = Integer.getInteger("live.rate", 200);

	private static final Duration WARMUP = Duration.ofSeconds(5);

	private static final Duration PHASE = Duration.ofSeconds(30);

	private static final int TEAM_CHANGES = 20;

	/** The whole run's limit: past it the JVM exits and the hook stops the server. */
	private static final Duration LIMIT = Duration.ofMinutes(30);

	private final LiveReport report = new LiveReport();

	private LiveBenchmark() {
	}

	static void run(int subscribers) throws Exception {
		if (subscribers < 2 * WORKERS) {
			throw new IllegalArgumentException("live needs at least " + 2 * WORKERS + " subscribers");
		}
		watchdog();
		new LiveBenchmark().measure(subscribers);
	}

	private void measure(int n) throws Exception {
		int idle = n - WORKERS;
		// Tomcat accepts 8,192 connections by default; the backlog takes the connect
		// burst
		List<String> settings = new ArrayList<>(List.of("--server.tomcat.max-connections=" + Math.max(8192, n + 1000),
				"--server.tomcat.accept-count=1000"));
		// more server settings for experiments: -Dlive.server.args="--a=b --c=d"
		settings.addAll(ServerProcess.words("live.server.args"));
		String maxHeap = System.getProperty("live.server.heap", "6g");
		warnIfFewerOpenFiles(n + 2000);
		try (ServerProcess server = ServerProcess.start(maxHeap, settings)) {
			System.out.printf("Server: pid %d on 127.0.0.1:%d, -Xmx%s, %s%n", server.pid(), server.port(), maxHeap,
					settings);
			LiveLoad load = new LiveLoad(server.port(), "bench", WORKERS);
			HeapProbe.Heap none = server.heap();
			try (LiveClients clients = new LiveClients(server.port())) {
				connect(clients, "measuring", WORKERS,
						(i) -> new LiveClients.Subscriber(i, load.workerToken(i), load.weeklyDestination(i)), server);
				// until the JIT has compiled the write path and the fan-out, or the
				// baseline (the first phase) pays for it
				System.out
					.println("Warming up: " + RATE + " commands/s in rounds of 30 s, the measuring clients subscribed");
				Warmup.untilCompiled(server, 8, () -> load.pace(RATE, Duration.ofSeconds(30), RATE).sent().size());
				settle(clients, load);
				this.report.latency(latencyPhase(clients, load, WORKERS, server));
				HeapProbe.Heap measuring = server.heap();
				connect(clients, "idle", idle,
						(i) -> new LiveClients.Subscriber(-1, load.manager, load.idleDestination(i)), server);
				Thread.sleep(5000);
				int open = clients.open().size();
				this.report.heap(none, measuring, server.heap(), clients);
				if (open < n / 2) {
					throw new IllegalStateException(
							"Most clients failed to connect or were closed; closed since: " + clients.lost());
				}
				settle(clients, load);
				this.report.latency(latencyPhase(clients, load, open, server));
				fanOutPhase(clients, load, server);
				this.report.row("connections closed by the server during the run",
						clients.lost().isEmpty() ? "0" : clients.lost().toString());
				this.report.row("unexpected messages (reset, not invalidate, position not above the last)",
						String.format("%d / %d / %d", clients.open().stream().mapToInt(LiveClient::resets).sum(),
								clients.open().stream().mapToInt(LiveClient::otherTypes).sum(),
								clients.open().stream().mapToInt(LiveClient::outOfOrder).sum()));
			}
			finally {
				this.report.print(String.format(Locale.ROOT,
						"Live invalidation, %,d subscribers (%d measuring, one per worker; the rest idle), %d commands/s"
								+ " for %d s after %d s warm-up; server -Xmx%s in its own JVM, clients in this JVM,"
								+ " loopback, Java %s, %d cores",
						n, WORKERS, RATE, PHASE.toSeconds(), WARMUP.toSeconds(), maxHeap,
						System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()), n);
			}
		}
	}

	private void connect(LiveClients clients, String what, int count, IntFunction<LiveClients.Subscriber> who,
			ServerProcess server) throws InterruptedException {
		LiveClients.Outcome outcome = clients.connect(count, who, 200, Duration.ofSeconds(300), server::broken);
		outcome.failures().forEach((why, failed) -> System.out.printf("  %,d failed: %s%n", failed, why));
		this.report.row(what + " subscribers connected and subscribed",
				String.format(Locale.ROOT, "%,d of %,d in %.1f s (%,.0f/s)", outcome.connected(), count,
						outcome.seconds(), outcome.connected() / outcome.seconds()));
		if (server.broken()) {
			throw new IllegalStateException("The server ran out of memory or exited while clients connected");
		}
	}

	/**
	 * Lets the projections drain what earlier phases left, so that a phase does not start
	 * behind: waits (at most two minutes) until no projection lags, then sends one
	 * command per worker and waits until each measuring client has its invalidation.
	 */
	private void settle(LiveClients clients, LiveLoad load) throws Exception {
		long start = System.nanoTime();
		load.awaitNoProjectionLag(Duration.ofMinutes(2));
		List<LiveLoad.Sent> markers = new ArrayList<>();
		for (int w = 0; w < WORKERS; w++) {
			markers.add(load.record(w));
		}
		boolean settled = awaitCaughtUp(clients, markers, Duration.ofMinutes(1));
		this.report.row(String.format("before the %,d-connected phase, backlog drained", clients.open().size()),
				String.format(Locale.ROOT, "%s in %.1f s", settled ? "yes" : "NO", (System.nanoTime() - start) / 1e9));
	}

	/**
	 * Open-loop commands at {@link #RATE} for the warm-up and the phase; the commands due
	 * during the warm-up are not measured.
	 */
	private LiveReport.Latency latencyPhase(LiveClients clients, LiveLoad load, int connected, ServerProcess server)
			throws Exception {
		System.out.printf("%,d connected: %d commands/s for %d + %d s...%n", connected, RATE, WARMUP.toSeconds(),
				PHASE.toSeconds());
		clients.clearReceipts();
		TopStatements statements = TopStatements.reset(server.postgresJdbcUrl());
		CpuUse cpu = CpuUse.start(server.pid(), server.postgres());
		LiveLoad.Paced paced = load.pace(RATE, WARMUP.plus(PHASE), RATE);
		this.report.row(String.format("CPU while %,d connected and commands were sent", connected), cpu.since());
		statements.print(paced.sent().size());
		List<LiveLoad.Sent> measured = paced.dueFrom(paced.startNanos() + WARMUP.toNanos());
		awaitCaughtUp(clients, paced.sent(), Duration.ofSeconds(10));
		LiveStats.Weekly weekly = LiveStats.weekly(clients.open(), measured, paced.sent());
		long[] answers = measured.stream()
			.filter(LiveLoad.Sent::ok)
			.mapToLong((sent) -> sent.answerNanos() - sent.sentNanos())
			.sorted()
			.toArray();
		Map<Integer, Long> byStatus = measured.stream()
			.filter((sent) -> !sent.ok())
			.collect(Collectors.groupingBy(LiveLoad.Sent::status, TreeMap::new, Collectors.counting()));
		this.report.row(
				String.format("commands not answered while %,d connected, by HTTP status (0 = skipped, -1 = no answer)",
						connected),
				byStatus.isEmpty() ? "none" : byStatus.toString());
		LiveReport.Latency latency = new LiveReport.Latency(connected, measured.size(), answers,
				byStatus.getOrDefault(0, 0L), weekly);
		System.out.println("  " + latency.row());
		return latency;
	}

	/**
	 * Changes 200 ms apart, more than the coalescing window, so that each is its own
	 * message unless the projection commits two at once.
	 */
	private void fanOutPhase(LiveClients clients, LiveLoad load, ServerProcess server) throws Exception {
		int subscribed = clients.subscribeAll(LiveClient.TEAM, load.teamDestination(), (c) -> c.worker < 0);
		Thread.sleep(3000);
		clients.clearReceipts();
		System.out.printf("Team topic: %,d subscribers, %d changes 200 ms apart...%n", subscribed, TEAM_CHANGES);
		CpuUse cpu = CpuUse.start(server.pid(), server.postgres());
		List<LiveLoad.Sent> commands = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < TEAM_CHANGES; i++) {
			long wait = start + i * 200_000_000L - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			commands.add(load.record(i % WORKERS));
		}
		long lastPosition = commands.stream().mapToLong(LiveLoad.Sent::position).max().orElse(Long.MAX_VALUE);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline
				&& clients.open().stream().anyMatch((c) -> c.worker < 0 && c.last(LiveClient.TEAM) < lastPosition)) {
			Thread.sleep(250);
		}
		this.report.row("CPU during the team topic phase", cpu.since());
		LiveStats.Team stats = LiveStats.team(clients.open(), commands, subscribed);
		long reached = clients.open()
			.stream()
			.filter((c) -> c.worker < 0 && c.last(LiveClient.TEAM) >= lastPosition)
			.count();
		this.report.row("team topic: subscribers x changes",
				String.format("%,d x %d: %,d messages delivered; %,d subscribers " + "saw the last change", subscribed,
						stats.commands(), stats.deliveries(), reached));
		this.report.row("team topic: deliveries/s (first command sent to last delivery)",
				LiveReport.rate(stats.deliveries(), stats.lastDelivery() - stats.firstSent()));
		this.report.row("team topic: per change, answer to first / last delivery, p50 / max",
				LiveStats.ms(stats.first(), 0.5) + " / " + LiveStats.ms(stats.first(), 1) + " ms; "
						+ LiveStats.ms(stats.fanOut(), 0.5) + " / " + LiveStats.ms(stats.fanOut(), 1) + " ms over "
						+ stats.complete() + " changes that reached every subscriber");
	}

	/**
	 * Waits until every measuring subscriber saw its worker's last command; answers
	 * whether all did.
	 */
	private static boolean awaitCaughtUp(LiveClients clients, List<LiveLoad.Sent> commands, Duration limit)
			throws InterruptedException {
		long[] last = new long[WORKERS];
		Arrays.fill(last, -1);
		commands.stream()
			.filter(LiveLoad.Sent::ok)
			.forEach((s) -> last[s.worker()] = Math.max(last[s.worker()], s.position()));
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			boolean behind = clients.open()
				.stream()
				.anyMatch((c) -> c.worker >= 0 && c.last(LiveClient.WEEKLY) < last[c.worker]);
			if (!behind || System.nanoTime() > deadline) {
				return !behind;
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Each connection is a file on both sides: the server JVM inherits this JVM's limit,
	 * which only the shell that starts Maven can raise ({@code ulimit -n}).
	 */
	private static void warnIfFewerOpenFiles(int needed) {
		try {
			Files.readAllLines(Path.of("/proc/self/limits"))
				.stream()
				.filter((line) -> line.startsWith("Max open files"))
				.map((line) -> line.split("\\s+")[3])
				.filter((soft) -> !"unlimited".equals(soft) && Long.parseLong(soft) < needed)
				.forEach((soft) -> System.out.printf(
						"WARNING: open files limited to %s, %,d needed: run " + "'ulimit -n %d' in the shell first%n",
						soft, needed, needed));
		}
		catch (IOException | RuntimeException ex) {
			// not on Linux
		}
	}

	private static void watchdog() {
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(LIMIT.toMillis());
				System.out.println("The live benchmark ran longer than " + LIMIT.toMinutes() + " min; stopping");
				System.exit(3);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "live-benchmark-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

}
