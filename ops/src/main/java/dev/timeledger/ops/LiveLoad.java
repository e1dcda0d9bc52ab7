package dev.timeledger.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.web.support.ApiClient;

/**
 * The HTTP side of the live benchmark: a tenant with a manager, a project and W workers
 * (local dev tokens), and manual time entries in week 2026-W47, each worker's in its own
 * non-overlapping 10-minute slots, sent one at a time or on an open-loop schedule.
 */
final class LiveLoad {

	static final String WEEK = "2026-W47";

	private static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");

	private static final int SLOTS_PER_WEEK = 7 * 24 * 6;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final ObjectMapper json = new ObjectMapper();

	private final String base;

	private final ApiClient api;

	final String tenant;

	final String manager;

	private final String operator;

	final String[] workers;

	private final String[] workerTokens;

	private final String projectId;

	private final AtomicIntegerArray nextSlot;

	LiveLoad(int port, String tenant, int workers) throws Exception {
		this.base = "http://127.0.0.1:" + port;
		this.tenant = tenant;
		this.api = new ApiClient(port);
		this.manager = this.api.token(tenant, "mia", "manager");
		this.operator = this.api.token(tenant, "otto", "operator");
		this.workers = new String[workers];
		this.workerTokens = new String[workers];
		this.nextSlot = new AtomicIntegerArray(workers);
		for (int w = 0; w < workers; w++) {
			this.workers[w] = String.format("worker-%03d", w);
			this.workerTokens[w] = this.api.token(tenant, this.workers[w], "worker");
		}
		this.projectId = post("/api/projects", this.manager, "{\"name\":\"Live benchmark\"}").get("projectId").asText();
	}

	String workerToken(int worker) {
		return this.workerTokens[worker];
	}

	String weeklyDestination(int worker) {
		return "/topic/tenants/" + this.tenant + "/weekly-reports/" + this.workers[worker] + "/" + WEEK;
	}

	/** The weekly report of a user who never records anything. */
	String idleDestination(int index) {
		return "/topic/tenants/" + this.tenant + "/weekly-reports/" + String.format("idle-%05d", index) + "/" + WEEK;
	}

	String teamDestination() {
		return "/topic/tenants/" + this.tenant + "/team-weekly-reports/" + WEEK;
	}

	/** Waits until no projection lags, at most the limit. */
	void awaitNoProjectionLag(Duration limit) throws InterruptedException {
		ProjectionLag.awaitNone(this.api, this.operator, limit);
	}

	/**
	 * Records one entry for the worker in its next free slot and waits for the answer.
	 */
	Sent record(int worker) {
		return recordAsync(worker, System.nanoTime()).join();
	}

	/**
	 * Records one entry for the worker in its next free slot, without waiting; the answer
	 * never fails (a failed command has position -1).
	 */
	CompletableFuture<Sent> recordAsync(int worker, long dueNanos) {
		int slot = this.nextSlot.getAndIncrement(worker);
		if (slot >= SLOTS_PER_WEEK) {
			return CompletableFuture.completedFuture(new Sent(worker, -1, dueNanos, System.nanoTime(), -1));
		}
		Instant start = MONDAY.plusSeconds(600L * slot);
		String body = "{\"projectId\":\"" + this.projectId + "\",\"start\":\"" + start + "\",\"end\":\""
				+ start.plusSeconds(300) + "\"}";
		return this.http
			.sendAsync(request("/api/time-entries", this.workerTokens[worker], body),
					HttpResponse.BodyHandlers.ofString())
			.handle((response, error) -> {
				long answered = System.nanoTime();
				if (error != null) {
					return new Sent(worker, -1, dueNanos, answered, -1);
				}
				return new Sent(worker, position(response), dueNanos, answered, response.statusCode());
			});
	}

	private long position(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			return -1;
		}
		try {
			return this.json.readTree(response.body()).path("position").asLong(-1);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * Open loop: command i is due at {@code start + i / perSecond} and goes out then,
	 * whether or not earlier ones have been answered, round-robin over the workers. A
	 * command due while {@code maxInFlight} are unanswered is skipped, not delayed, so
	 * the schedule never bends to the server; the phase ends at most 30 s after its last
	 * due time.
	 */
	Paced pace(int perSecond, Duration duration, int maxInFlight) throws InterruptedException {
		Queue<Sent> results = new ConcurrentLinkedQueue<>();
		Semaphore inFlight = new Semaphore(maxInFlight);
		long start = System.nanoTime();
		long total = (long) perSecond * duration.toSeconds();
		for (long i = 0; i < total; i++) {
			long due = start + i * 1_000_000_000L / perSecond;
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			if (!inFlight.tryAcquire()) {
				results.add(new Sent((int) (i % this.workers.length), -1, due, due, Sent.SKIPPED));
				continue;
			}
			recordAsync((int) (i % this.workers.length), due).thenAccept((sent) -> {
				results.add(sent);
				inFlight.release();
			});
		}
		if (!inFlight.tryAcquire(maxInFlight, 30, TimeUnit.SECONDS)) {
			System.out.println("  some commands still unanswered 30 s after the last was due");
		}
		return new Paced(new ArrayList<>(results), start);
	}

	/**
	 * What a paced run sent.
	 *
	 * @param sent the commands due, with their answers; skipped ones too
	 * @param startNanos when the first command was due
	 */
	record Paced(List<Sent> sent, long startNanos) {

		/** The commands that were due at or after a time. */
		List<Sent> dueFrom(long nanos) {
			return this.sent.stream().filter((s) -> s.sentNanos() - nanos >= 0).toList();
		}

	}

	private JsonNode post(String path, String token, String body) throws Exception {
		HttpResponse<String> response = this.http.send(request(path, token, body),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"POST " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

	private HttpRequest request(String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.build();
	}

	/**
	 * One command and its answer.
	 *
	 * @param worker the worker index
	 * @param position the answer's position, -1 if it failed
	 * @param sentNanos when it was due (and sent: sending never waits)
	 * @param answerNanos when its answer arrived
	 * @param status the HTTP status, -1 for no answer, {@link #SKIPPED} if never sent
	 */
	record Sent(int worker, long position, long sentNanos, long answerNanos, int status) {

		/** The status of a command skipped because too many were unanswered. */
		static final int SKIPPED = 0;

		boolean ok() {
			return this.position >= 0;
		}

	}

}
