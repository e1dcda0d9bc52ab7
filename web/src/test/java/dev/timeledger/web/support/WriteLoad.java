package dev.timeledger.web.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers recording time entries as fast as they are answered, each with an
 * {@code Idempotency-Key} that is also the entry's description, so that the event table
 * shows how often each write took effect. Writes without a 2xx answer (refused, failed,
 * or cut off) are retried later with the same key, as a careful client does.
 */
public final class WriteLoad {

	private static final Instant FIRST_HOUR = Instant.parse("2026-10-05T00:00:00Z");

	private final ApiClient api;

	private final String projectId;

	private final List<String> workers;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final Collection<Write> writes = new ConcurrentLinkedQueue<>();

	private ExecutorService executor;

	/**
	 * @param api the server's client
	 * @param projectId the project every entry books on
	 * @param workers one token per worker; each records one-hour slots one after the
	 * other
	 */
	public WriteLoad(ApiClient api, String projectId, List<String> workers) {
		this.api = api;
		this.projectId = projectId;
		this.workers = List.copyOf(workers);
	}

	/**
	 * Starts one thread per worker, each writing until {@link #stop()}, its
	 * {@code maxWrites} or {@code maxTime}.
	 */
	public void start(int maxWrites, Duration maxTime) {
		this.executor = Executors.newFixedThreadPool(this.workers.size());
		long deadline = System.nanoTime() + maxTime.toNanos();
		for (String token : this.workers) {
			this.executor.execute(() -> {
				for (int slot = 0; slot < maxWrites && !this.stopped.get() && System.nanoTime() < deadline; slot++) {
					Write write = new Write(token, slot, UUID.randomUUID().toString());
					this.writes.add(write);
					send(write);
				}
			});
		}
	}

	/** Stops the writers and waits for their last answers. */
	public void stop() {
		this.stopped.set(true);
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The writers did not stop");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Writes that had a 2xx answer so far. */
	public List<Write> acknowledged() {
		return this.writes.stream().filter(Write::acknowledged).toList();
	}

	/** Every write sent, with its last answer. */
	public List<Write> writes() {
		return new ArrayList<>(this.writes);
	}

	/**
	 * Sends every write without a 2xx answer again, with its key, until each has one or
	 * {@code maxTime} has passed.
	 * @return the writes still without a 2xx answer
	 */
	public List<Write> retryUnacknowledged(Duration maxTime) throws InterruptedException {
		long deadline = System.nanoTime() + maxTime.toNanos();
		List<Write> open = this.writes.stream().filter((write) -> !write.acknowledged()).toList();
		while (!open.isEmpty() && System.nanoTime() < deadline) {
			open.forEach(this::send);
			open = open.stream().filter((write) -> !write.acknowledged()).toList();
			if (!open.isEmpty()) {
				Thread.sleep(200);
			}
		}
		return open;
	}

	/**
	 * Asserts that every write, once acknowledged, recorded exactly one entry (the one
	 * its answer named), and that nothing else was recorded for the tenant.
	 * @return the number of writes checked
	 */
	public int assertEachTookEffectOnce(JdbcClient jdbc, String tenant) {
		Map<String, List<String>> effects = new HashMap<>();
		jdbc.sql("""
				SELECT payload ->> 'description', payload ->> 'entryId' FROM domain_event_entry
				WHERE tenant_id = ? AND payload_type = 'TimeEntryRecorded' AND payload ->> 'description' IS NOT NULL""")
			.param(tenant)
			.query((rs) -> {
				effects.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>()).add(rs.getString(2));
			});
		List<String> lost = new ArrayList<>();
		List<String> duplicated = new ArrayList<>();
		List<String> misnamed = new ArrayList<>();
		for (Write write : this.writes) {
			List<String> entries = effects.getOrDefault(write.key, List.of());
			if (entries.isEmpty()) {
				lost.add(write.toString());
			}
			else if (entries.size() > 1) {
				duplicated.add(write.toString());
			}
			else if (!write.acknowledged() || !entries.get(0).equals(write.entryId())) {
				misnamed.add(write + " recorded " + entries.get(0));
			}
		}
		assertThat(lost).as("writes lost").isEmpty();
		assertThat(duplicated).as("writes that took effect twice").isEmpty();
		assertThat(misnamed).as("writes whose answer names another entry").isEmpty();
		assertThat(effects).as("entries no write asked for").hasSameSizeAs(this.writes);
		return this.writes.size();
	}

	private void send(Write write) {
		Instant start = FIRST_HOUR.plus(Duration.ofHours(write.slot));
		try {
			write.answered(this.api.post(
					"/api/time-entries", write.token, Map.of("projectId", this.projectId, "start", start.toString(),
							"end", start.plus(Duration.ofMinutes(30)).toString(), "description", write.key),
					write.key));
		}
		catch (RuntimeException ex) {
			write.failed(ex);
		}
	}

	/** One write: its key (also the entry's description) and its last answer. */
	public static final class Write {

		private final String token;

		private final int slot;

		private final String key;

		private volatile ApiClient.Response answer;

		private volatile RuntimeException failure;

		private final List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();

		Write(String token, int slot, String key) {
			this.token = token;
			this.slot = slot;
			this.key = key;
		}

		void answered(ApiClient.Response response) {
			this.answer = response;
			this.failure = null;
			this.statuses.add(response.status());
		}

		void failed(RuntimeException ex) {
			this.answer = null;
			this.failure = ex;
			this.statuses.add(0);
		}

		public boolean acknowledged() {
			ApiClient.Response response = this.answer;
			return response != null && response.status() / 100 == 2;
		}

		public String key() {
			return this.key;
		}

		public String entryId() {
			return this.answer.json().path("entryId").asText(null);
		}

		public ApiClient.Response answer() {
			return this.answer;
		}

		/** Every status this write was answered with, 0 for no answer, in order. */
		public List<Integer> statuses() {
			return List.copyOf(this.statuses);
		}

		@Override
		public String toString() {
			return this.key + " " + this.statuses + ((this.failure != null) ? " " + this.failure : "");
		}

	}

}
