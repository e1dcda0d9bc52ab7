package dev.timeledger.command;

import java.time.Instant;

/**
 * The instants a command or a read accepts: from 1970 up to the year 9999, so that the
 * week of each in every zone, and each as a stored timestamp, exists.
 */
public final class Times {

	public static final Instant EARLIEST = Instant.EPOCH;

	public static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

	private Times() {
	}

	/**
	 * Returns the instant, which may be null.
	 * @throws InvalidInput when it lies before {@link #EARLIEST} or at or after
	 * {@link #LATEST}
	 */
	public static Instant require(String field, Instant instant) {
		if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST))) {
			throw new InvalidInput(field + " (" + instant + ") must lie between " + EARLIEST + " and " + LATEST);
		}
		return instant;
	}

}
