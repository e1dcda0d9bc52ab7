package dev.timeledger.events.timesheet;

/**
 * The worker or a manager added a note to the week, or to one of its entries when
 * {@code entryId} is set.
 */
public record TimesheetAnnotated(String tenantId, String userId, String week, String annotationId, String text,
		String entryId, String actorId) implements TimesheetEvent {
}
