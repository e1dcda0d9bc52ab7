package dev.timeledger.query.projection;

import java.util.ArrayList;
import java.util.List;
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
		CountDownLatch readStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Supplier<List<TrackedEventMessage<?>>> slowRead = () -> {
			this.reads.incrementAndGet();
			readStarted.countDown();
			await(release);
			return events(11, 12);
		};
		ExecutorService projections = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<TrackedEventMessage<?>>>> results = new ArrayList<>();
			results.add(projections.submit(() -> this.pages.after(token(10), slowRead)));
			assertThat(readStarted.await(10, TimeUnit.SECONDS)).isTrue();
			for (int p = 0; p < 3; p++) {
				results.add(projections.submit(() -> this.pages.after(token(10), slowRead)));
			}
			Thread.sleep(100);
			release.countDown();
			for (Future<List<TrackedEventMessage<?>>> result : results) {
				assertThat(positions(result.get(10, TimeUnit.SECONDS))).containsExactly(11L, 12L);
			}
		}
		finally {
			projections.shutdownNow();
		}
		assertThat(this.reads).hasValue(1);
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

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
