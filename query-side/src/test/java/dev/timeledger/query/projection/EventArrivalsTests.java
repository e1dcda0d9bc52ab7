package dev.timeledger.query.projection;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While events are announced fast, the projections read the head at most once per linger,
 * so that they handle larger batches; at a low rate they read at once.
 */
class EventArrivalsTests {

	private static final Duration LINGER = Duration.ofSeconds(5);

	private final EventArrivals arrivals = new EventArrivals(LINGER, 1000);

	@Test
	void underAHighRate_aReadOfTheHeadWaitsForTheLingerSinceTheLastOne() throws Exception {
		// 10,000 events in about 20 ms: far above 1,000 a second
		announceWithin20Millis(this.arrivals, 10_000);

		assertThat(this.arrivals.lingerBeforeReadingHead()).isZero();
		long wait = this.arrivals.lingerBeforeReadingHead();

		assertThat(wait).isPositive().isLessThanOrEqualTo(LINGER.toNanos());
		assertThat(wait).isGreaterThan(LINGER.toNanos() / 2);
	}

	@Test
	void underALowRate_readsOfTheHeadDoNotWait() throws Exception {
		// one event in about 20 ms: about 50 a second
		announceWithin20Millis(this.arrivals, 1);

		assertThat(this.arrivals.lingerBeforeReadingHead()).isZero();
		assertThat(this.arrivals.lingerBeforeReadingHead()).isZero();
	}

	@Test
	void withoutALinger_readsNeverWait() throws Exception {
		EventArrivals never = new EventArrivals();
		announceWithin20Millis(never, 10_000);

		assertThat(never.lingerBeforeReadingHead()).isZero();
		assertThat(never.lingerBeforeReadingHead()).isZero();
	}

	/** Position 0, then {@code events} more about 20 ms later. */
	private static void announceWithin20Millis(EventArrivals arrivals, long events) throws InterruptedException {
		arrivals.signal(0);
		Thread.sleep(20);
		arrivals.signal(events);
	}

}
