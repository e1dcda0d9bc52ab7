package dev.timeledger.events.timesheet;

/**
 * A manager approved the submitted week; it stays locked. {@code comment} may be null.
 */
public record TimesheetApproved(String tenantId, String userId, String week, String comment,
		String actorId) implements TimesheetEvent {
}
