package dev.timeledger.command.worklog;

import java.time.Instant;
import java.util.List;

/**
 * What stopping a timer recorded.
 *
 * @param entryId the timer's entry
 * @param durationSeconds how long the timer ran
 * @param entries the entries recorded: one, or one per week the timer ran in
 */
public record StoppedTimer(String entryId, long durationSeconds, List<Entry> entries) {

	/**
	 * One recorded entry.
	 *
	 * @param entryId its id
	 * @param week its week
	 * @param start its start
	 * @param end its end
	 * @param durationSeconds its length
	 */
	public record Entry(String entryId, String week, Instant start, Instant end, long durationSeconds) {
	}

}
