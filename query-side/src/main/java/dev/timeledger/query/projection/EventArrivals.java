package dev.timeledger.query.projection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
			this.head = position;
			wake();
		}
		finally {
			this.lock.unlock();
		}
		this.listeners.forEach(Runnable::run);
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
