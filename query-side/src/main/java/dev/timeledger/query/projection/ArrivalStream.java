package dev.timeledger.query.projection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * An event stream that reads the storage engine in pages and wakes its reader when
 * {@link EventArrivals} signals new events, so an idle projection is updated within
 * milliseconds of a commit instead of at its next poll.
 * <p>
 * While the processor handles a full page, the next page is read and deserialized on
 * another thread: a catching-up processor (a rebuild) overlaps reading with handling.
 */
final class ArrivalStream implements BlockingStream<TrackedEventMessage<?>> {

	private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final EventStorageEngine engine;

	private final EventArrivals arrivals;

	private final int pageSize;

	private final Executor prefetcher;

	private final RecentPages recent;

	private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();

	private TrackingToken lastToken;

	private CompletableFuture<List<TrackedEventMessage<?>>> nextPage;

	private Runnable listener;

	/**
	 * The signals seen before this stream's last own read of the head came back short; -1
	 * when it must read.
	 */
	private long signalsBeforeShortRead = -1;

	private long shortReadNanos;

	ArrivalStream(EventStorageEngine engine, EventArrivals arrivals, int pageSize, Executor prefetcher,
			RecentPages recent, TrackingToken from) {
		this.engine = engine;
		this.arrivals = arrivals;
		this.pageSize = pageSize;
		this.prefetcher = prefetcher;
		this.recent = recent;
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
		if (this.nextPage != null) {
			this.nextPage.cancel(false);
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
			List<TrackedEventMessage<?>> page = (this.nextPage != null) ? this.nextPage.join() : List.of();
			this.nextPage = null;
			if (page.isEmpty()) {
				if (nothingNewSinceShortRead()) {
					return false;
				}
				page = readHead();
			}
			this.buffer.addAll(page);
			if (!page.isEmpty()) {
				this.lastToken = page.get(page.size() - 1).trackingToken();
			}
			if (page.size() == this.pageSize) {
				TrackingToken from = this.lastToken;
				this.nextPage = CompletableFuture.supplyAsync(() -> read(from), this.prefetcher);
			}
		}
		return !this.buffer.isEmpty();
	}

	/**
	 * Whether a read would find nothing new: this stream's own last read of the head came
	 * back short, no signal came since it started, and that was less than
	 * {@link #RECHECK_NANOS} ago (a check against a lost wake-up).
	 */
	private boolean nothingNewSinceShortRead() {
		return this.signalsBeforeShortRead >= 0 && this.arrivals.signals() == this.signalsBeforeShortRead
				&& System.nanoTime() - this.shortReadNanos < RECHECK_NANOS;
	}

	/**
	 * Reads after the last token, noting whether it came back short from a read of this
	 * stream's own that started after the signals it saw. A page shared by another
	 * projection may have been read before a commit this stream was woken for, so it
	 * never counts.
	 */
	private List<TrackedEventMessage<?>> readHead() {
		long signals = this.arrivals.signals();
		long started = System.nanoTime();
		TrackingToken from = this.lastToken;
		this.signalsBeforeShortRead = -1;
		return this.recent.after(from, () -> {
			List<TrackedEventMessage<?>> events = readStore(from);
			if (events.size() < this.pageSize) {
				this.signalsBeforeShortRead = signals;
				this.shortReadNanos = started;
			}
			return events;
		});
	}

	/**
	 * A page of events after the token, deserialized: shared with the other projections
	 * when one of them just read it ({@link RecentPages}).
	 */
	private List<TrackedEventMessage<?>> read(TrackingToken from) {
		return this.recent.after(from, () -> readStore(from));
	}

	private List<TrackedEventMessage<?>> readStore(TrackingToken from) {
		try (Stream<? extends TrackedEventMessage<?>> page = this.engine.readEvents(from, false)) {
			List<TrackedEventMessage<?>> events = page.limit(this.pageSize)
				.<TrackedEventMessage<?>>map((event) -> event)
				.toList();
			events.forEach((event) -> {
				event.getPayload();
				event.getMetaData();
			});
			return events;
		}
	}

}
