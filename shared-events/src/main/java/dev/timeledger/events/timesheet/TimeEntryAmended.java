package dev.timeledger.events.timesheet;

import java.time.Instant;

/**
 * An entry was changed; the fields hold its complete new state. {@code week} is the
 * entry's week after the change and {@code previousWeek} the week it was in before, equal
 * when it stayed.
 */
public record TimeEntryAmended(String tenantId, String userId, String week, String previousWeek, String entryId,
		String projectId, String task, String description, Instant start, Instant end, long durationSeconds,
		boolean billable, String zone, String actorId) implements TimesheetEvent {
}
