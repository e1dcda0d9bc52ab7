package dev.timeledger.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Projections woken by the same commit share one read of the store's head; everything
 * else is read by each projection itself.
 */
class RecentPagesTests {

	private static final int PAGE_SIZE = 3;

	private final RecentPages pages = new RecentPages(PAGE_SIZE);

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void projectionsReadingFromTheSamePositionAtOnce_shareOneRead() throws Exception {
		// a full page: never kept once read, so only a read in progress can be shared
		List<List<TrackedEventMessage<?>>> pages = readAtOnce(events(11, 12, 13), () -> {
			throw new AssertionError("a projection read for itself instead of sharing the read in progress");
		});

		assertThat(pages).hasSize(4).allSatisfy((page) -> assertThat(positions(page)).containsExactly(11L, 12L, 13L));
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void anEmptyReadInProgress_isNotHandedOn_theOthersReadForThemselves() throws Exception {
		// the empty read may have started before the commit that woke the others
		List<List<TrackedEventMessage<?>>> pages = readAtOnce(List.of(), () -> read(11));

		assertThat(positions(pages.get(0))).isEmpty();
		assertThat(pages.subList(1, 4)).allSatisfy((page) -> assertThat(positions(page)).containsExactly(11L));
		assertThat(this.reads).hasValue(4);
	}

	/**
	 * One projection starts a read from position 10 that returns {@code first}; three
	 * others ask for the same position while it is in progress, with {@code theirs} as
	 * their own reader. Answers what the four got, the first one's first.
	 */
	private List<List<TrackedEventMessage<?>>> readAtOnce(List<TrackedEventMessage<?>> first,
			Supplier<List<TrackedEventMessage<?>>> theirs) throws Exception {
		CountDownLatch readStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Thread> threads = new CopyOnWriteArrayList<>();
		ExecutorService projections = Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task);
			threads.add(thread);
			return thread;
		});
		try {
			List<Future<List<TrackedEventMessage<?>>>> results = new ArrayList<>();
			results.add(projections.submit(() -> this.pages.after(token(10), () -> {
				this.reads.incrementAndGet();
				readStarted.countDown();
				await(release);
				return first;
			})));
			assertThat(readStarted.await(10, TimeUnit.SECONDS)).isTrue();
			for (int p = 0; p < 3; p++) {
				results.add(projections.submit(() -> this.pages.after(token(10), theirs)));
			}
			awaitWaiting(threads, 4);
			release.countDown();
			List<List<TrackedEventMessage<?>>> pages = new ArrayList<>();
			for (Future<List<TrackedEventMessage<?>>> result : results) {
				pages.add(result.get(10, TimeUnit.SECONDS));
			}
			return pages;
		}
		finally {
			projections.shutdownNow();
		}
	}

	/** Waits (at most 10 s) until that many threads exist and all are blocked. */
	private static void awaitWaiting(List<Thread> threads, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (threads.size() < count || !threads.stream().allMatch(RecentPagesTests::blocked)) {
			assertThat(System.nanoTime() - deadline).as("all projections blocked in time").isNegative();
			Thread.sleep(10);
		}
	}

	@Test
	void aShortPage_isKeptForTheNextProjectionFromTheSamePosition_butNotForOthers() {
		this.pages.after(token(10), () -> read(11, 12));

		assertThat(positions(this.pages.after(token(10), () -> read(11, 12, 13)))).containsExactly(11L, 12L);
		assertThat(positions(this.pages.after(token(12), () -> read(13)))).containsExactly(13L);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void emptyAndFullPages_areNotKept() {
		this.pages.after(token(10), this::read);
		this.pages.after(token(10), this::read);
		this.pages.after(token(0), () -> read(1, 2, 3));
		this.pages.after(token(0), () -> read(1, 2, 3));

		assertThat(this.reads).hasValue(4);
	}

	@Test
	void aFailedRead_isNotShared_theNextProjectionReadsForItself() {
		assertThatIllegalStateException().isThrownBy(() -> this.pages.after(token(10), () -> {
			this.reads.incrementAndGet();
			throw new IllegalStateException("the database is gone");
		}));

		assertThat(positions(this.pages.after(token(10), () -> read(11)))).containsExactly(11L);
		assertThat(this.reads).hasValue(2);
	}

	private List<TrackedEventMessage<?>> read(long... positions) {
		this.reads.incrementAndGet();
		return events(positions);
	}

	private static List<TrackedEventMessage<?>> events(long... positions) {
		List<TrackedEventMessage<?>> events = new ArrayList<>();
		for (long position : positions) {
			events.add(new GenericTrackedEventMessage<>(token(position),
					GenericEventMessage.asEventMessage("event " + position)));
		}
		return events;
	}

	private static List<Long> positions(List<TrackedEventMessage<?>> events) {
		return events.stream().map((event) -> event.trackingToken().position().orElseThrow()).toList();
	}

	private static TrackingToken token(long position) {
		return new GlobalSequenceTrackingToken(position);
	}

	private static boolean blocked(Thread thread) {
		return thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
