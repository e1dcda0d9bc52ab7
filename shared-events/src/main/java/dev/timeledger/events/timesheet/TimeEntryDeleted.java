package dev.timeledger.events.timesheet;

/**
 * An entry was deleted from its week.
 */
public record TimeEntryDeleted(String tenantId, String userId, String week, String entryId,
		String actorId) implements TimesheetEvent {
}
