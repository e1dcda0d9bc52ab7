package dev.timeledger.query.projection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * An event stream that reads the storage engine in pages and wakes its reader when
 * {@link EventArrivals} signals new events. Axon's pooled processors poll a stream that
 * cannot tell them about new events every 500 ms; this one can, so an idle projection is
 * updated within milliseconds of a commit.
 */
final class ArrivalStream implements BlockingStream<TrackedEventMessage<?>> {

	private final EventStorageEngine engine;

	private final EventArrivals arrivals;

	private final int pageSize;

	private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();

	private TrackingToken lastToken;

	private Runnable listener;

	ArrivalStream(EventStorageEngine engine, EventArrivals arrivals, int pageSize, TrackingToken from) {
		this.engine = engine;
		this.arrivals = arrivals;
		this.pageSize = pageSize;
		this.lastToken = from;
	}

	@Override
	public Optional<TrackedEventMessage<?>> peek() {
		fill();
		return Optional.ofNullable(this.buffer.peekFirst());
	}

	@Override
	public boolean hasNextAvailable(int timeout, TimeUnit unit) {
		long deadline = System.nanoTime() + unit.toNanos(timeout);
		while (true) {
			long seen = this.arrivals.signals();
			if (fill()) {
				return true;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return false;
			}
			try {
				this.arrivals.await(seen, remaining, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

	@Override
	public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
		while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
			if (Thread.currentThread().isInterrupted()) {
				throw new InterruptedException();
			}
		}
		return this.buffer.pollFirst();
	}

	@Override
	public void close() {
		if (this.listener != null) {
			this.arrivals.stopListening(this.listener);
		}
	}

	@Override
	public boolean setOnAvailableCallback(Runnable callback) {
		if (this.listener != null) {
			this.arrivals.stopListening(this.listener);
		}
		this.listener = callback;
		this.arrivals.listen(callback);
		return true;
	}

	private boolean fill() {
		if (this.buffer.isEmpty()) {
			try (Stream<? extends TrackedEventMessage<?>> page = this.engine.readEvents(this.lastToken, false)) {
				page.limit(this.pageSize).forEach((event) -> {
					this.buffer.addLast(event);
					this.lastToken = event.trackingToken();
				});
			}
		}
		return !this.buffer.isEmpty();
	}

}
