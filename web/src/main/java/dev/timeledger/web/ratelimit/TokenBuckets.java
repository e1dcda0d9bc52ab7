package dev.timeledger.web.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per key: a key may take {@code burst} at once and {@code perSecond} on
 * average. A bucket that has refilled holds nothing worth keeping, so such buckets are
 * dropped once a minute: memory follows the keys active in the last minute.
 */
final class TokenBuckets {

	private static final long SWEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final double perNano;

	private final double burst;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicLong nextSweep;

	TokenBuckets(double perSecond, double burst, long now) {
		this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
		this.burst = burst;
		this.nextSweep = new AtomicLong(now + SWEEP_NANOS);
	}

	/**
	 * Takes one token of the key's bucket.
	 * @param now {@link System#nanoTime()}
	 * @return 0 when there was one, else the whole seconds until there is
	 */
	long take(String key, long now) {
		long sweep = this.nextSweep.get();
		if (now - sweep >= 0 && this.nextSweep.compareAndSet(sweep, now + SWEEP_NANOS)) {
			this.buckets.values().removeIf((bucket) -> bucket.full(now));
		}
		return this.buckets.computeIfAbsent(key, (k) -> new Bucket(now)).take(now);
	}

	int size() {
		return this.buckets.size();
	}

	private final class Bucket {

		private double tokens = TokenBuckets.this.burst;

		private long refilled;

		Bucket(long now) {
			this.refilled = now;
		}

		synchronized long take(long now) {
			refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			double nanos = (1 - this.tokens) / TokenBuckets.this.perNano;
			return Math.max(1, (long) Math.ceil(nanos / TimeUnit.SECONDS.toNanos(1)));
		}

		synchronized boolean full(long now) {
			refill(now);
			return this.tokens >= TokenBuckets.this.burst;
		}

		private void refill(long now) {
			this.tokens = Math.min(TokenBuckets.this.burst,
					this.tokens + (now - this.refilled) * TokenBuckets.this.perNano);
			this.refilled = now;
		}

	}

}
