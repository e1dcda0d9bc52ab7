package dev.timeledger.web.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.timeledger.query.changelog.ChangeLog;

/**
 * What woke the change-log tailer: the projections that announced changes beyond what it
 * has read. A projection's notification names it and its highest position
 * ({@code ChangeLog.announcement}); a wake-up without a name (a node of an earlier
 * version, a new notification connection) means every projection, and so does a timeout
 * since every projection was last read, however busy the others are: the check against a
 * notification that was lost.
 */
final class Announcements {

	private final Map<String, Long> announced = new HashMap<>();

	private boolean woken;

	private boolean all;

	private long lastFullRead = System.nanoTime();

	/** Changes of any projection may have been committed. */
	synchronized void all() {
		this.all = true;
		this.woken = true;
		notifyAll();
	}

	/**
	 * A {@code timeledger_changes} notification: {@code projection:position}
	 * ({@code ChangeLog.announcement}), or the projection's name alone from a node of an
	 * earlier version, which wakes every projection.
	 */
	void heard(String payload) {
		int colon = payload.lastIndexOf(':');
		try {
			announce(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
		}
		catch (IndexOutOfBoundsException | NumberFormatException ex) {
			all();
		}
	}

	/** A projection committed changes up to a position. */
	synchronized void announce(String projection, long position) {
		this.announced.merge(projection, position, Math::max);
		this.woken = true;
		notifyAll();
	}

	/**
	 * Waits until a wake-up or the timeout, whichever comes first.
	 * @param cursors where the reader stands, per projection
	 * @return the projections to read: those announced beyond their cursor, or all of
	 * them after a wake-up of all, when nothing woke the caller in time, or when the last
	 * time all of them were read is a timeout ago (however busy the projections)
	 */
	synchronized List<String> await(Map<String, ChangeLog.Cursor> cursors, long timeoutMillis)
			throws InterruptedException {
		if (!this.woken) {
			wait(timeoutMillis);
		}
		long now = System.nanoTime();
		boolean everything = this.all || !this.woken
				|| now - this.lastFullRead >= TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		this.woken = false;
		this.all = false;
		if (everything) {
			this.lastFullRead = now;
			return List.copyOf(cursors.keySet());
		}
		return cursors.entrySet()
			.stream()
			.filter((cursor) -> this.announced.getOrDefault(cursor.getKey(), Long.MIN_VALUE) > cursor.getValue()
				.position())
			.map(Map.Entry::getKey)
			.toList();
	}

}
