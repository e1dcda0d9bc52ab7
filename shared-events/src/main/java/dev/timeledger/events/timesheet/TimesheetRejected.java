package dev.timeledger.events.timesheet;

/**
 * A manager rejected the submitted week with a reason; the worker can change it again.
 */
public record TimesheetRejected(String tenantId, String userId, String week, String reason,
		String actorId) implements TimesheetEvent {
}
