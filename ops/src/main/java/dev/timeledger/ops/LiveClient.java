package dev.timeledger.ops;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

import dev.timeledger.web.support.StompFrames;

/**
 * One STOMP subscriber over the JDK's WebSocket: answers CONNECTED, keeps asking for the
 * next frame, and records every {@code MESSAGE} as (subscription, position, receive
 * time). The JDK calls a listener's methods one at a time per socket; the receipts are
 * read by other threads under the client's lock.
 */
final class LiveClient implements WebSocket.Listener {

	/** The subscription ids this benchmark uses. */
	static final int WEEKLY = 0;

	static final int TEAM = 1;

	final int index;

	/** The worker whose commands this client measures, -1 for an idle client. */
	final int worker;

	private final LongAdder received;

	final CompletableFuture<Void> connected = new CompletableFuture<>();

	volatile WebSocket socket;

	volatile String failure;

	volatile boolean closed;

	private StringBuilder partial;

	private int count;

	private byte[] subscriptions = new byte[0];

	private long[] positions = new long[0];

	private long[] times = new long[0];

	private final long[] last = { -1, -1 };

	private int resets;

	private int otherTypes;

	private int outOfOrder;

	LiveClient(int index, int worker, LongAdder received) {
		this.index = index;
		this.worker = worker;
		this.received = received;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		long now = System.nanoTime();
		if (!last) {
			if (this.partial == null) {
				this.partial = new StringBuilder();
			}
			this.partial.append(data);
		}
		else if (this.partial != null) {
			this.partial.append(data);
			handle(this.partial, now);
			this.partial = null;
		}
		else {
			handle(data, now);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		fail("closed by the server: " + statusCode + ((reason == null || reason.isEmpty()) ? "" : " " + reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		fail("error: " + error.getClass().getSimpleName());
	}

	private void fail(String why) {
		this.closed = true;
		if (this.failure == null) {
			this.failure = why;
		}
		this.connected.completeExceptionally(new IllegalStateException(why));
	}

	private void handle(CharSequence text, long now) {
		StompFrames.Frame frame = StompFrames.parse(text);
		if (frame == null) {
			return;
		}
		switch (frame.command()) {
			case "CONNECTED" -> this.connected.complete(null);
			case "MESSAGE" -> message(frame, now);
			case "ERROR" -> fail("ERROR frame: " + frame.header("message"));
			default -> {
			}
		}
	}

	private void message(StompFrames.Frame frame, long now) {
		String position = frame.header("position");
		String subscription = frame.header("subscription");
		String type = StompFrames.jsonString(frame.body(), "type");
		if (position == null || subscription == null) {
			return;
		}
		this.received.increment();
		synchronized (this) {
			if ("reset".equals(type)) {
				this.resets++;
				return;
			}
			if (!"invalidate".equals(type)) {
				this.otherTypes++;
			}
			int sub = Integer.parseInt(subscription);
			long value = Long.parseLong(position);
			if (this.count == this.positions.length) {
				int capacity = Math.max(8, this.count * 2);
				this.subscriptions = Arrays.copyOf(this.subscriptions, capacity);
				this.positions = Arrays.copyOf(this.positions, capacity);
				this.times = Arrays.copyOf(this.times, capacity);
			}
			this.subscriptions[this.count] = (byte) sub;
			this.positions[this.count] = value;
			this.times[this.count] = now;
			this.count++;
			if (value <= this.last[sub]) {
				this.outOfOrder++;
			}
			this.last[sub] = Math.max(this.last[sub], value);
		}
	}

	/** The highest position seen on a subscription, -1 for none. */
	synchronized long last(int subscription) {
		return this.last[subscription];
	}

	synchronized int resets() {
		return this.resets;
	}

	synchronized int otherTypes() {
		return this.otherTypes;
	}

	/** Messages whose position was not above the last one on their subscription. */
	synchronized int outOfOrder() {
		return this.outOfOrder;
	}

	/** Forgets the receipts (not the last positions). */
	synchronized void clearReceipts() {
		this.count = 0;
		this.subscriptions = new byte[0];
		this.positions = new long[0];
		this.times = new long[0];
	}

	/** Hands every receipt of a subscription to the visitor. */
	synchronized void receipts(int subscription, Receipts visitor) {
		for (int i = 0; i < this.count; i++) {
			if (this.subscriptions[i] == subscription) {
				visitor.accept(this, this.positions[i], this.times[i]);
			}
		}
	}

	/** Visits one received message. */
	interface Receipts {

		void accept(LiveClient client, long position, long receivedNanos);

	}

}
