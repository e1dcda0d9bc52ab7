package dev.timeledger.query.projection;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection's stream reads the store when a commit woke it, and not again for nothing
 * once it has read the head.
 */
class ArrivalStreamTests {

	private static final int PAGE_SIZE = 10;

	private final AtomicInteger reads = new AtomicInteger();

	private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine() {

		@Override
		public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
			ArrivalStreamTests.this.reads.incrementAndGet();
			return super.readEvents(trackingToken, mayBlock);
		}

	};

	private final EventArrivals arrivals = new EventArrivals();

	private final ArrivalStream stream = new ArrivalStream(this.store, this.arrivals, PAGE_SIZE, Runnable::run,
			new RecentPages(PAGE_SIZE), null);

	@Test
	void afterReadingTheHead_itWaitsForACommitInsteadOfReadingAgain() throws Exception {
		commit("a", "b");
		assertThat(take(2)).containsExactly("a", "b");
		int readsAtTheHead = this.reads.get();

		// woken with nothing new, and polled by its processor: no read
		assertThat(this.stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(this.stream.peek()).isEmpty();
		assertThat(this.reads).hasValue(readsAtTheHead);

		commit("c");
		assertThat(take(1)).containsExactly("c");
		assertThat(this.reads).hasValue(readsAtTheHead + 1);
	}

	@Test
	void theSameCommitAnnouncedTwice_wakesItOnce() throws Exception {
		commit("a");
		assertThat(take(1)).containsExactly("a");
		int reads = this.reads.get();

		// this node's own signal, then the commit's notification: the same position
		this.arrivals.signal(0);

		assertThat(this.stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(this.reads).hasValue(reads);
	}

	@Test
	void aCommitSignalledAfterItsRead_doesNotMakeItReadAgain() throws Exception {
		commit("a");
		// committed before the stream reads, signalled after: the read already has it
		this.store.appendEvents(List.of(GenericEventMessage.asEventMessage("b")));
		assertThat(take(2)).containsExactly("a", "b");
		int reads = this.reads.get();

		this.arrivals.signal(1);

		assertThat(this.stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(this.reads).hasValue(reads);

		commit("c");
		assertThat(take(1)).containsExactly("c");
	}

	@Test
	void aCommitNobodyAnnounced_isFoundWithinASecond() throws Exception {
		commit("a");
		assertThat(take(1)).containsExactly("a");
		this.store.appendEvents(List.of(GenericEventMessage.asEventMessage("b")));

		assertThat(this.stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(this.stream.hasNextAvailable(3, TimeUnit.SECONDS)).isTrue();
		assertThat(this.stream.nextAvailable().getPayload()).isEqualTo("b");
	}

	@Test
	void aSignalOfUnknownPosition_alwaysMakesItRead() throws Exception {
		commit("a");
		assertThat(take(1)).containsExactly("a");
		int reads = this.reads.get();

		this.arrivals.signal();

		assertThat(this.stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(this.reads).hasValue(reads + 1);
	}

	private void commit(String... payloads) {
		List<EventMessage<?>> events = Stream.of(payloads)
			.<EventMessage<?>>map(GenericEventMessage::asEventMessage)
			.toList();
		this.store.appendEvents(events);
		// the in-memory store numbers its events from 0
		this.arrivals.signal(this.store.createHeadToken().position().orElseThrow());
	}

	private List<Object> take(int count) throws InterruptedException {
		List<Object> payloads = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			assertThat(this.stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
			payloads.add(this.stream.nextAvailable().getPayload());
		}
		return payloads;
	}

}
