package dev.timeledger.query.projection;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells the event streams of the projections that new events were committed, so that they
 * read at once instead of polling. Signalled after every append that commits in this JVM,
 * and for every commit of any node by its notification.
 */
@Component
public class EventArrivals {

	private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition arrived = this.lock.newCondition();

	private long signals;

	private long head = -1;

	/** The number of the last signal of unknown position, 0 if none came. */
	private long lastUnknown;

	private final long lingerNanos;

	private final double lingerAbove;

	/** Announced events per second, smoothed over about half a second. */
	private double rate;

	private long lastPositionNanos;

	private long lastHeadReadNanos;

	/** Arrivals for readers that never linger. */
	public EventArrivals() {
		this(Duration.ZERO, 0);
	}

	/**
	 * Arrivals whose readers, while more than {@code lingerAbove} events a second are
	 * announced, read the head at most once per {@code linger} between them, so that the
	 * projections handle larger batches in fewer transactions (ADR 15).
	 */
	@Autowired
	public EventArrivals(@Value("${timeledger.projections.linger:25ms}") Duration linger,
			@Value("${timeledger.projections.linger-above:400}") double lingerAbove) {
		this.lingerNanos = linger.toNanos();
		this.lingerAbove = lingerAbove;
	}

	/** New events were committed, up to positions unknown: readers must look. */
	public void signal() {
		this.lock.lock();
		try {
			wake();
			this.lastUnknown = this.signals;
		}
		finally {
			this.lock.unlock();
		}
		this.listeners.forEach(Runnable::run);
	}

	/**
	 * New events were committed, up to {@code position}; no signal when an earlier one
	 * already reached it. A commit of this node is announced twice (here after the
	 * commit, then by its notification), and a second wake-up would only make every
	 * projection read the store again for nothing.
	 */
	public void signal(long position) {
		this.lock.lock();
		try {
			if (position <= this.head) {
				return;
			}
			measureRate(position);
			this.head = position;
			wake();
		}
		finally {
			this.lock.unlock();
		}
		this.listeners.forEach(Runnable::run);
	}

	/** Under the lock: folds the events up to {@code position} into the rate. */
	private void measureRate(long position) {
		long now = System.nanoTime();
		if (this.head >= 0 && this.lastPositionNanos != 0) {
			double seconds = Math.max(1e-6, (now - this.lastPositionNanos) / 1e9);
			double weight = Math.min(1.0, seconds / 0.5);
			this.rate += weight * ((position - this.head) / seconds - this.rate);
		}
		this.lastPositionNanos = now;
	}

	/**
	 * How long a reader should wait before it reads the head: while events are announced
	 * faster than the threshold, until the linger has passed since the last read of the
	 * head by any reader; otherwise 0. Marks the read as started when it returns 0.
	 */
	long lingerBeforeReadingHead() {
		if (this.lingerNanos <= 0) {
			// switched off: no lock and no clock on every read
			return 0;
		}
		this.lock.lock();
		try {
			long now = System.nanoTime();
			boolean busy = now - this.lastPositionNanos < 1_000_000_000L && this.rate > this.lingerAbove;
			long wait = busy ? this.lastHeadReadNanos + this.lingerNanos - now : 0;
			if (wait <= 0) {
				this.lastHeadReadNanos = now;
				return 0;
			}
			return wait;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Under the lock: one more signal, and the waiting readers woken. */
	private void wake() {
		this.signals++;
		this.arrived.signalAll();
	}

	public long signals() {
		this.lock.lock();
		try {
			return this.signals;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether a reader that has read up to {@code position} has everything that was
	 * signalled: every signal named a position, none beyond it, or came before the reader
	 * last read the store (which it started having seen {@code signalsBeforeRead}).
	 * Appends commit in position order (ADR 3), so below the highest signalled position
	 * nothing can come later.
	 */
	public boolean reachedBy(long position, long signalsBeforeRead) {
		this.lock.lock();
		try {
			return position >= this.head && this.lastUnknown <= signalsBeforeRead;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Waits until a signal after {@code seen} arrives or the time is up. */
	public void await(long seen, long timeout, TimeUnit unit) throws InterruptedException {
		long nanos = unit.toNanos(timeout);
		this.lock.lock();
		try {
			while (this.signals == seen && nanos > 0) {
				nanos = this.arrived.awaitNanos(nanos);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	void listen(Runnable listener) {
		this.listeners.add(listener);
	}

	void stopListening(Runnable listener) {
		this.listeners.remove(listener);
	}

}
