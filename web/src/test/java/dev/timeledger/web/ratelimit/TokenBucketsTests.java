package dev.timeledger.web.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final long START = 1_000 * SECOND;

	@Test
	void aKeyTakesItsBurstAtOnce_thenTheRate_andIsToldHowLongToWait() {
		TokenBuckets buckets = new TokenBuckets(2, 3, START);

		assertThat(takeAll(buckets, "a", START, 3)).containsOnly(0L);
		assertThat(buckets.take("a", START)).isEqualTo(1);
		assertThat(buckets.take("a", START + SECOND / 2)).isZero();
		assertThat(buckets.take("a", START + SECOND / 2)).isEqualTo(1);
		assertThat(buckets.take("b", START)).isZero();
	}

	@Test
	void aSlowRateWaitsWholeSeconds() {
		TokenBuckets buckets = new TokenBuckets(0.25, 1, START);

		assertThat(buckets.take("a", START)).isZero();
		assertThat(buckets.take("a", START)).isEqualTo(4);
		assertThat(buckets.take("a", START + 3 * SECOND)).isEqualTo(1);
	}

	@Test
	void refilledBucketsAreDroppedOnceAMinute_busyOnesKept() {
		TokenBuckets buckets = new TokenBuckets(1, 100, START);
		buckets.take("idle", START);
		takeAll(buckets, "busy", START, 100);

		buckets.take("new", START + 61 * SECOND);

		// idle refilled long ago; busy needs 100 s to refill
		assertThat(buckets.size()).isEqualTo(2);
	}

	private static List<Long> takeAll(TokenBuckets buckets, String key, long now, int count) {
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			waits.add(buckets.take(key, now));
		}
		return waits;
	}

}
