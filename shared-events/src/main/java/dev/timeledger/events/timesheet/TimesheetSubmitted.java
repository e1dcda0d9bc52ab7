package dev.timeledger.events.timesheet;

/**
 * The worker submitted the week for approval; it is locked until rejected or reopened.
 */
public record TimesheetSubmitted(String tenantId, String userId, String week,
		String actorId) implements TimesheetEvent {
}
