package dev.timeledger.events.timesheet;

import java.time.Instant;

/**
 * Time was recorded in a worker's week, from a stopped timer ({@code source}
 * {@code timer}) or entered by hand ({@code manual}). The entry lies in {@code week} of
 * {@code zone} and lasts {@code durationSeconds} = {@code end} - {@code start}.
 */
public record TimeEntryRecorded(String tenantId, String userId, String week, String entryId, String projectId,
		String task, String description, Instant start, Instant end, long durationSeconds, boolean billable,
		String zone, String source, String actorId) implements TimesheetEvent {
}
