package dev.timeledger.command.worklog;

import java.time.Instant;

/**
 * What a worklog remembers of an entry to enforce its rules.
 *
 * @param entryId the entry
 * @param projectId the project the time is on
 * @param start when it starts
 * @param end when it ends
 */
record TrackedEntry(String entryId, String projectId, Instant start, Instant end) {

	boolean overlaps(Instant otherStart, Instant otherEnd) {
		return this.start.isBefore(otherEnd) && otherStart.isBefore(this.end);
	}

}
