package dev.timeledger.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import dev.timeledger.web.support.StompFrames;

/**
 * Many STOMP subscribers on a few shared JDK HttpClients, connected with bounded
 * concurrency and a bounded total time. Each client sends CONNECT, waits for CONNECTED
 * and then subscribes; failures are counted by reason, never retried.
 */
final class LiveClients implements AutoCloseable {

	private static final int HTTP_CLIENTS = 4;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	private final URI endpoint;

	private final ExecutorService executor = Executors.newFixedThreadPool(4, (runnable) -> {
		Thread thread = new Thread(runnable, "live-clients");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient[] https = new HttpClient[HTTP_CLIENTS];

	private final List<LiveClient> clients = new ArrayList<>();

	final LongAdder received = new LongAdder();

	LiveClients(int port) {
		this.endpoint = URI.create("ws://127.0.0.1:" + port + "/ws");
		for (int i = 0; i < HTTP_CLIENTS; i++) {
			this.https[i] = HttpClient.newBuilder()
				.executor(this.executor)
				.connectTimeout(CONNECT_TIMEOUT)
				.version(HttpClient.Version.HTTP_1_1)
				.build();
		}
	}

	/**
	 * Connects {@code n} more clients, each subscribed (id {@link LiveClient#WEEKLY}) to
	 * the destination of its {@link Subscriber}, at most {@code inFlight} at a time and
	 * within {@code total}; answers how it went.
	 */
	Outcome connect(int n, IntFunction<Subscriber> subscriber, int inFlight, Duration total,
			BooleanSupplier serverBroken) throws InterruptedException {
		Semaphore permits = new Semaphore(inFlight);
		long start = System.nanoTime();
		long deadline = start + total.toNanos();
		List<CompletableFuture<Void>> pending = new ArrayList<>(n);
		List<LiveClient> batch = new ArrayList<>(n);
		AtomicInteger done = new AtomicInteger();
		boolean broken = false;
		for (int i = 0; i < n; i++) {
			if (i % 250 == 0 && serverBroken.getAsBoolean()) {
				broken = true;
				break;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0 || !permits.tryAcquire(left, TimeUnit.NANOSECONDS)) {
				break;
			}
			Subscriber who = subscriber.apply(i);
			LiveClient client = new LiveClient(this.clients.size(), who.worker(), this.received);
			this.clients.add(client);
			batch.add(client);
			String subscribeFrame = StompFrames.subscribe(Integer.toString(LiveClient.WEEKLY), who.destination());
			String connectFrame = StompFrames.connect(who.token(), "0,10000");
			CompletableFuture<Void> one = this.https[i % HTTP_CLIENTS].newWebSocketBuilder()
				.connectTimeout(CONNECT_TIMEOUT)
				.buildAsync(this.endpoint, client)
				.thenCompose((socket) -> {
					client.socket = socket;
					return socket.sendText(connectFrame, true);
				})
				.thenCompose((socket) -> client.connected)
				.thenCompose((ignored) -> client.socket.sendText(subscribeFrame, true))
				.thenApply((socket) -> (Void) null)
				.orTimeout(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)
				.whenComplete((ignored, error) -> {
					if (error != null && client.failure == null) {
						client.failure = reason(error);
					}
					permits.release();
					if (done.incrementAndGet() % 1000 == 0) {
						System.out.printf("  %,d clients done (%.1f s)%n", done.get(),
								(System.nanoTime() - start) / 1e9);
					}
				});
			pending.add(one);
		}
		try {
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
				.get(Math.max(1, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(40), TimeUnit.NANOSECONDS);
		}
		catch (Exception ex) {
			// counted per client below
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Integer> failures = new TreeMap<>();
		int ok = 0;
		for (int i = 0; i < pending.size(); i++) {
			CompletableFuture<Void> one = pending.get(i);
			LiveClient client = batch.get(i);
			if (one.isDone() && !one.isCompletedExceptionally() && !client.closed) {
				ok++;
			}
			else {
				String why = (client.failure != null) ? client.failure : (one.isDone() ? "failed" : "still pending");
				failures.merge(why, 1, Integer::sum);
			}
		}
		if (batch.size() < n) {
			failures.merge(broken ? "not started: the server ran out of memory or exited"
					: "not started within " + total.toSeconds() + " s", n - batch.size(), Integer::sum);
		}
		return new Outcome(ok, failures, seconds);
	}

	/**
	 * Subscribes the open clients that match (id {@code subscription}) to one more
	 * destination, all within 60 s; answers how many subscribed.
	 */
	int subscribeAll(int subscription, String destination, Predicate<LiveClient> which) {
		String frame = StompFrames.subscribe(Integer.toString(subscription), destination);
		List<CompletableFuture<WebSocket>> sent = open().stream()
			.filter(which)
			.map((client) -> client.socket.sendText(frame, true))
			.toList();
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// counted below
		}
		return (int) sent.stream().filter((one) -> one.isDone() && !one.isCompletedExceptionally()).count();
	}

	/** The clients that connected and are still open. */
	List<LiveClient> open() {
		return this.clients.stream()
			.filter((client) -> client.socket != null && !client.closed && client.connected.isDone()
					&& !client.connected.isCompletedExceptionally())
			.toList();
	}

	/** The clients that were open once and have been closed since, by reason. */
	Map<String, Integer> lost() {
		Map<String, Integer> lost = new TreeMap<>();
		this.clients.stream()
			.filter((client) -> client.closed && client.connected.isDone()
					&& !client.connected.isCompletedExceptionally())
			.forEach((client) -> lost.merge(client.failure, 1, Integer::sum));
		return lost;
	}

	void clearReceipts() {
		this.clients.forEach(LiveClient::clearReceipts);
	}

	@Override
	public void close() {
		List<CompletableFuture<WebSocket>> closing = new ArrayList<>();
		for (LiveClient client : this.clients) {
			WebSocket socket = client.socket;
			if (socket != null && !socket.isOutputClosed()) {
				client.closed = true;
				closing.add(socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
			}
		}
		try {
			CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
			Thread.sleep(1000);
		}
		catch (Exception ex) {
			// aborted below
		}
		for (LiveClient client : this.clients) {
			WebSocket socket = client.socket;
			if (socket != null) {
				socket.abort();
			}
		}
	}

	private static String reason(Throwable error) {
		Throwable cause = error;
		while ((cause instanceof java.util.concurrent.CompletionException
				|| cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		if (message != null && message.length() > 80) {
			message = message.substring(0, 80);
		}
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Who one client is.
	 *
	 * @param worker the index of the worker whose commands it measures, -1 for an idle
	 * client
	 * @param token its bearer token
	 * @param destination what it subscribes to
	 */
	record Subscriber(int worker, String token, String destination) {

	}

	/** How connecting went. */
	record Outcome(int connected, Map<String, Integer> failures, double seconds) {

	}

}
