package dev.timeledger.query.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The last pages of new events the projections read, shared between them. Every live
 * projection is woken by the same commit and reads the same new events from the same
 * position at about the same moment; the first to ask reads and deserializes them, the
 * others wait for that read and get its page.
 * <p>
 * A shared page is what a read from that position returned when it was made, so a
 * projection that gets it sees the store as the first one did a moment earlier: an event
 * committed since with a lower position is a gap in the page's tokens, and the next read
 * finds it, exactly as after a read of its own. Only short pages (the head of the store)
 * are kept once read, for at most {@link #MAX_AGE_NANOS}, so that a rebuild's full pages
 * do not push them out and nobody is served an old head.
 */
final class RecentPages {

	private static final int CAPACITY = 16;

	private static final long MAX_AGE_NANOS = 2_000_000_000L;

	private final int pageSize;

	private final Map<TrackingToken, CompletableFuture<Page>> pages = new LinkedHashMap<>(32, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<TrackingToken, CompletableFuture<Page>> eldest) {
			return size() > CAPACITY;
		}

	};

	RecentPages(int pageSize) {
		this.pageSize = pageSize;
	}

	/**
	 * The page after the token: the one another projection is reading or just read from
	 * the same token, else the reader's. The reader returns an unmodifiable list; an
	 * empty or failed read is never handed on.
	 */
	List<TrackedEventMessage<?>> after(TrackingToken from, Supplier<List<TrackedEventMessage<?>>> reader) {
		if (from == null) {
			return reader.get();
		}
		CompletableFuture<Page> shared;
		CompletableFuture<Page> mine = null;
		synchronized (this.pages) {
			shared = this.pages.get(from);
			if (shared == null || (shared.isDone() && (shared.isCompletedExceptionally() || shared.join().isOld()))) {
				mine = new CompletableFuture<>();
				this.pages.put(from, mine);
			}
		}
		if (mine == null) {
			try {
				List<TrackedEventMessage<?>> events = shared.join().events();
				if (!events.isEmpty()) {
					return events;
				}
				// an empty read may have started before the commit that woke this
				// projection: it reads for itself, or it would wait for a wake-up it has
				// already had
			}
			catch (CompletionException | CancellationException ex) {
				// the other read failed: this one tries for itself
			}
			return reader.get();
		}
		try {
			List<TrackedEventMessage<?>> events = reader.get();
			mine.complete(new Page(events, System.nanoTime()));
			if (events.isEmpty() || events.size() >= this.pageSize) {
				forget(from, mine);
			}
			return events;
		}
		catch (RuntimeException | Error ex) {
			forget(from, mine);
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	private void forget(TrackingToken from, CompletableFuture<Page> page) {
		synchronized (this.pages) {
			this.pages.remove(from, page);
		}
	}

	private record Page(List<TrackedEventMessage<?>> events, long readAtNanos) {

		boolean isOld() {
			return System.nanoTime() - this.readAtNanos > MAX_AGE_NANOS;
		}

	}

}
