package dev.timeledger.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each projection stands: the position up to which its live version is complete,
 * and a way to wait for a position (read-your-writes). Woken by every batch a processor
 * of this JVM commits; positions reached on other nodes are seen within the polling
 * interval.
 */
@Component
public class ProjectionProgress {

	private static final long POLL_MILLIS = 20;

	private final JdbcClient jdbc;

	private final ProjectionCatalog catalog;

	private final Object monitor = new Object();

	private final List<Consumer<String>> switchListeners = new CopyOnWriteArrayList<>();

	ProjectionProgress(JdbcClient jdbc, ProjectionCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** The position up to which the live version of the projection is complete. */
	public long position(String projection) {
		return TokenPositions.position(this.jdbc,
				ProjectionState.processorName(projection, this.catalog.liveVersion(projection)));
	}

	/** The position up to which one version of the projection is complete. */
	public long position(String projection, int version) {
		return TokenPositions.position(this.jdbc, ProjectionState.processorName(projection, version));
	}

	/** The position of the newest stored event. */
	public long head() {
		return this.jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")
			.query(Long.class)
			.single();
	}

	/**
	 * When the first event after a position happened: a projection complete up to that
	 * position is behind by the time since then.
	 * @return empty when no event follows the position
	 */
	public Optional<Instant> firstEventAfter(long position) {
		return this.jdbc
			.sql("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1")
			.param(position)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * Waits until the projection's live version includes the given position.
	 * @return whether it did within the timeout
	 */
	public boolean await(String projection, long position, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (position(projection) < position) {
			if (!pause(deadline)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Waits until the event store holds the given position.
	 * @return the newest stored position, or -1 when the store did not reach the given
	 * one within the timeout
	 */
	public long awaitHead(long position, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long head;
		while ((head = head()) < position) {
			if (!pause(deadline)) {
				return -1;
			}
		}
		return head;
	}

	private boolean pause(long deadline) throws InterruptedException {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			return false;
		}
		synchronized (this.monitor) {
			this.monitor.wait(Math.max(1, Math.min(POLL_MILLIS, remaining / 1_000_000)));
		}
		return true;
	}

	/**
	 * Runs the listener with the projection's name whenever a rebuilt version goes live.
	 */
	public void onSwitch(Consumer<String> listener) {
		this.switchListeners.add(listener);
	}

	void advanced(String projection) {
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

	void switched(String projection) {
		advanced(projection);
		this.switchListeners.forEach((listener) -> listener.accept(projection));
	}

}
