package dev.timeledger.events.timesheet;

/**
 * A manager reopened a submitted or approved week with a reason; the worker can change it
 * again.
 */
public record TimesheetReopened(String tenantId, String userId, String week, String reason,
		String actorId) implements TimesheetEvent {
}
