package dev.timeledger.query.projection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Tells the event streams of the projections that new events were committed, so that they
 * read at once instead of polling. Signalled after every append that commits in this JVM.
 */
@Component
public class EventArrivals {

	private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition arrived = this.lock.newCondition();

	private long signals;

	/** New events were committed. */
	public void signal() {
		this.lock.lock();
		try {
			this.signals++;
			this.arrived.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		this.listeners.forEach(Runnable::run);
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
