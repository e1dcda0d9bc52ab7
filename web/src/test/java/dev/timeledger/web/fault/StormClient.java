package dev.timeledger.web.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * received; a connection lost after {@link #expectDrop()} is just noted.
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
		Connection connection = new Connection(attempt);
		this.http.newWebSocketBuilder()
			.connectTimeout(HANDSHAKE_TIMEOUT)
			.buildAsync(this.uri, connection)
			.whenComplete((webSocket, failure) -> {
				if (failure != null) {
					lost(attempt, "handshake: " + cause(failure));
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
	private void lost(int attempt, String why) {
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

	/** The innermost exception's class name and the start of its message. */
	private static String cause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? ": " + cause.getMessage() : "";
		return cause.getClass().getSimpleName() + message.substring(0, Math.min(message.length(), 60));
	}

	/**
	 * One WebSocket connection; callbacks of a connection the client gave up are ignored.
	 */
	private final class Connection implements WebSocket.Listener {

		private final int attempt;

		private final StringBuilder partial = new StringBuilder();

		private CompletableFuture<WebSocket> sending;

		Connection(int attempt) {
			this.attempt = attempt;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			synchronized (StormClient.this) {
				if (StormClient.this.generation != this.attempt) {
					webSocket.abort();
					return;
				}
				StormClient.this.socket = webSocket;
			}
			this.sending = CompletableFuture.completedFuture(webSocket);
			webSocket.request(Long.MAX_VALUE);
			send(StompFrames.connect(StormClient.this.token, "0,0"));
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				for (String frame : text.split("\u0000")) {
					handle(frame);
				}
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			lost(this.attempt, "closed " + statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			lost(this.attempt, "error: " + cause(error));
		}

		/** Sends after the previous frame went out: the JDK allows one send at a time. */
		private void send(String frame) {
			this.sending = this.sending.thenCompose((webSocket) -> webSocket.sendText(frame, true));
			this.sending.whenComplete((webSocket, failure) -> {
				if (failure != null) {
					lost(this.attempt, "send: " + cause(failure));
				}
			});
		}

		private void handle(String text) {
			StompFrames.Frame frame = StompFrames.parse(text);
			if (frame == null) {
				return;
			}
			switch (frame.command()) {
				case "CONNECTED" -> subscribe();
				case "MESSAGE" -> message(frame.header("position"), frame.body());
				case "ERROR" -> refused(frame.message());
				default -> {
				}
			}
		}

		private void message(String position, String body) {
			if (position == null) {
				synchronized (StormClient.this) {
					StormClient.this.refusal = "a MESSAGE without a position header: " + body;
				}
				return;
			}
			StormClient.this.receipts.received(Long.parseLong(position), StompFrames.jsonString(body, "type"),
					System.nanoTime());
		}

		private void subscribe() {
			long since;
			synchronized (StormClient.this) {
				if (StormClient.this.generation != this.attempt) {
					return;
				}
				StormClient.this.connected = true;
				StormClient.this.connectedAt = System.nanoTime();
				StormClient.this.consecutiveFailures = 0;
				long last = StormClient.this.receipts.last();
				since = (last >= 0) ? last : StormClient.this.firstSince;
			}
			send(StompFrames.subscribe("0", StormClient.this.destination, "since:" + since));
		}

		private void refused(String message) {
			String code = message.contains(":") ? message.substring(0, message.indexOf(':')).trim() : message;
			synchronized (StormClient.this) {
				StormClient.this.errors.merge(code, 1, Integer::sum);
				if (!RETRYABLE.contains(code)) {
					StormClient.this.refusal = message;
					StormClient.this.wanted = false;
				}
			}
			lost(this.attempt, "ERROR " + code);
		}

	}

}
