package dev.timeledger.query.projection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializationException;

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
	 * The signals seen before this stream's last own read of the store started; -1 before
	 * the first.
	 */
	private long signalsBeforeOwnRead = -1;

	private long ownReadNanos;

	/**
	 * Whether the last read of the head was this stream's own and came back short: no
	 * signal since means nothing new.
	 */
	private boolean shortOwnRead;

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
				if (nothingNewSinceOwnRead()) {
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
	 * Whether a read would find nothing new, as long as this stream read the store itself
	 * less than {@link #RECHECK_NANOS} ago (a check against a lost wake-up): its last
	 * read of the head was its own and came back short with no signal since, or it has
	 * read every position signalled (a commit that landed in its read and was signalled
	 * after).
	 */
	private boolean nothingNewSinceOwnRead() {
		if (this.signalsBeforeOwnRead < 0 || System.nanoTime() - this.ownReadNanos >= RECHECK_NANOS) {
			return false;
		}
		if (this.shortOwnRead && this.arrivals.signals() == this.signalsBeforeOwnRead) {
			return true;
		}
		long position = (this.lastToken != null) ? this.lastToken.position().orElse(-1) : -1;
		return this.arrivals.reachedBy(position, this.signalsBeforeOwnRead);
	}

	/**
	 * Reads after the last token, noting whether it came back short from a read of this
	 * stream's own. A page shared by another projection may have been read before a
	 * commit this stream was woken for, so it never counts as short.
	 */
	private List<TrackedEventMessage<?>> readHead() {
		TrackingToken from = this.lastToken;
		this.shortOwnRead = false;
		return this.recent.after(from, () -> {
			List<TrackedEventMessage<?>> events = readOwn(from);
			this.shortOwnRead = events.size() < this.pageSize;
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

	/**
	 * Reads the store for the head, noting when and after which signal; under load, first
	 * waits for its turn (a linger, {@link EventArrivals#lingerBeforeReadingHead()}).
	 */
	private List<TrackedEventMessage<?>> readOwn(TrackingToken from) {
		long wait;
		while ((wait = this.arrivals.lingerBeforeReadingHead()) > 0) {
			LockSupport.parkNanos(wait);
		}
		long signals = this.arrivals.signals();
		long started = System.nanoTime();
		List<TrackedEventMessage<?>> events = readStore(from);
		this.signalsBeforeOwnRead = signals;
		this.ownReadNanos = started;
		return events;
	}

	private List<TrackedEventMessage<?>> readStore(TrackingToken from) {
		try (Stream<? extends TrackedEventMessage<?>> page = this.engine.readEvents(from, false)) {
			List<TrackedEventMessage<?>> events = page.limit(this.pageSize)
				.<TrackedEventMessage<?>>map((event) -> event)
				.toList();
			events.forEach((event) -> {
				try {
					event.getPayload();
					event.getMetaData();
				}
				catch (SerializationException ex) {
					// an event this server cannot read fails again in its handler, which
					// parks it: the other events go on
				}
			});
			return events;
		}
	}

}
