package dev.timeledger.web.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.timeledger.web.support.StompFrames;

/**
 * One STOMP 1.2 subscriber light enough to run thousands in one JVM: the JDK's
 * asynchronous WebSocket (no thread of its own), a few STOMP frames written and read by
 * hand, one destination. It keeps every position it receives, with the time it arrived. A
 * connection lost while the client wants to be connected is opened again after a growing,
 * jittered delay, and the new {@code SUBSCRIBE} carries {@code since} the last position
 * received; a connection lost after {@link #expectDrop()} is just noted. Each connection
 * ({@link StormConnection}) reports here with its attempt number, so what a connection
 * the client gave up reports is ignored.
 */
final class StormClient {

	/** ERROR codes that refuse a connection for now, not for good: the client retries. */
	static final List<String> RETRYABLE = List.of("rate-limited", "connect-timeout");

	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

	/** From the handshake's start to {@code CONNECTED}. */
	private static final Duration CONNECTED_TIMEOUT = Duration.ofSeconds(45);

	private static final long FIRST_BACKOFF_MILLIS = 200;

	private static final long MAX_BACKOFF_MILLIS = 5000;

	private final URI uri;

	private final HttpClient http;

	private final ScheduledExecutorService scheduler;

	private final String token;

	final String destination;

	/** What arrived on this client's subscription, across its connections. */
	final Receipts receipts = new Receipts();

	private final long firstSince;

	private final Map<String, Integer> errors = new HashMap<>();

	private final Map<String, Integer> retryCauses = new HashMap<>();

	private int generation;

	private WebSocket socket;

	private boolean connected;

	private long connectedAt;

	private boolean wanted;

	private boolean dropped;

	private int consecutiveFailures;

	private int retries;

	private String refusal;

	private String lastFailure;

	private String dropCause;

	/**
	 * @param firstSince the {@code since} of the first subscription, before anything was
	 * received
	 */
	StormClient(URI uri, HttpClient http, ScheduledExecutorService scheduler, String token, String destination,
			long firstSince) {
		this.uri = uri;
		this.http = http;
		this.scheduler = scheduler;
		this.token = token;
		this.destination = destination;
		this.firstSince = firstSince;
	}

	/**
	 * Connects after {@code delayMillis}, and again whenever the connection is lost. The
	 * retries are counted from here.
	 */
	synchronized void start(long delayMillis) {
		this.wanted = true;
		this.dropped = false;
		this.consecutiveFailures = 0;
		this.retries = 0;
		this.retryCauses.clear();
		this.scheduler.schedule(this::open, delayMillis, TimeUnit.MILLISECONDS);
	}

	/** The server is about to go: a lost connection is not retried. */
	synchronized void expectDrop() {
		this.wanted = false;
	}

	/** Whether the connection was lost after {@link #expectDrop()}. */
	synchronized boolean dropped() {
		return this.dropped;
	}

	/** How the connection ended after {@link #expectDrop()}. */
	synchronized String dropCause() {
		return this.dropCause;
	}

	/** Closes the connection at once and for good. */
	void close() {
		WebSocket open;
		synchronized (this) {
			this.wanted = false;
			this.generation++;
			open = this.socket;
			this.socket = null;
		}
		if (open != null) {
			open.abort();
		}
	}

	/** When the last {@code CONNECTED} arrived ({@link System#nanoTime}). */
	synchronized long connectedAt() {
		return this.connectedAt;
	}

	synchronized int retries() {
		return this.retries;
	}

	/** ERROR frames by code (the {@code message} up to its first colon). */
	synchronized Map<String, Integer> errors() {
		return Map.copyOf(this.errors);
	}

	/**
	 * The ERROR that refused this client for good, or a frame it could not accept; null
	 * when neither came.
	 */
	synchronized String refusal() {
		return this.refusal;
	}

	/** Why connections were opened again: how each one before ended. */
	synchronized Map<String, Integer> retryCauses() {
		return Map.copyOf(this.retryCauses);
	}

	synchronized String lastFailure() {
		return this.lastFailure;
	}

	private void open() {
		int attempt;
		synchronized (this) {
			if (!this.wanted) {
				this.dropped = true;
				return;
			}
			attempt = ++this.generation;
			this.connected = false;
		}
		StormConnection connection = new StormConnection(this, attempt, this.token, this.destination);
		this.http.newWebSocketBuilder()
			.connectTimeout(HANDSHAKE_TIMEOUT)
			.buildAsync(this.uri, connection)
			.whenComplete((webSocket, failure) -> {
				if (failure != null) {
					lost(attempt, "handshake: " + StormConnection.cause(failure));
				}
			});
		this.scheduler.schedule(() -> {
			synchronized (this) {
				if (this.generation != attempt || this.connected) {
					return;
				}
			}
			lost(attempt, "no CONNECTED within " + CONNECTED_TIMEOUT.toSeconds() + " s");
		}, CONNECTED_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * The connection of {@code attempt} is gone: open a new one after a backoff, unless
	 * the client no longer wants one.
	 */
	void lost(int attempt, String why) {
		WebSocket gone;
		synchronized (this) {
			if (this.generation != attempt) {
				return;
			}
			this.generation++;
			this.connected = false;
			gone = this.socket;
			this.socket = null;
			if (!this.wanted) {
				this.dropped = true;
				this.dropCause = why;
			}
			else {
				this.lastFailure = why;
				this.retryCauses.merge(why, 1, Integer::sum);
				this.retries++;
				long backoff = Math.min(MAX_BACKOFF_MILLIS,
						FIRST_BACKOFF_MILLIS << Math.min(this.consecutiveFailures, 5));
				this.consecutiveFailures++;
				long delay = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
				this.scheduler.schedule(this::open, delay, TimeUnit.MILLISECONDS);
			}
		}
		if (gone != null) {
			gone.abort();
		}
	}

	/** Connection {@code attempt} opened; false when the client gave it up. */
	synchronized boolean opened(int attempt, WebSocket webSocket) {
		if (this.generation != attempt) {
			return false;
		}
		this.socket = webSocket;
		return true;
	}

	/**
	 * Connection {@code attempt} got {@code CONNECTED}.
	 * @return the {@code since} to subscribe with: after the last position received, or
	 * the first one; empty when the client gave the connection up
	 */
	synchronized OptionalLong connected(int attempt) {
		if (this.generation != attempt) {
			return OptionalLong.empty();
		}
		this.connected = true;
		this.connectedAt = System.nanoTime();
		this.consecutiveFailures = 0;
		long last = this.receipts.last();
		return OptionalLong.of((last >= 0) ? last : this.firstSince);
	}

	/** A {@code MESSAGE} on the subscription. */
	void message(String position, String body) {
		if (position == null) {
			synchronized (this) {
				this.refusal = "a MESSAGE without a position header: " + body;
			}
			return;
		}
		this.receipts.received(Long.parseLong(position), StompFrames.jsonString(body, "type"), System.nanoTime());
	}

	/**
	 * An {@code ERROR} frame ended connection {@code attempt}; retried if its code is.
	 */
	void refused(int attempt, String message) {
		String code = message.contains(":") ? message.substring(0, message.indexOf(':')).trim() : message;
		synchronized (this) {
			this.errors.merge(code, 1, Integer::sum);
			if (!RETRYABLE.contains(code)) {
				this.refusal = message;
				this.wanted = false;
			}
		}
		lost(attempt, "ERROR " + code);
	}

}
