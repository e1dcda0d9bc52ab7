package dev.timeledger.events.timesheet;

/**
 * An event of a worker's weekly timesheet: the entries of the week and the decisions on
 * it. {@code week} is the ISO week ({@code 2026-W47}) of the timesheet the event belongs
 * to.
 */
public sealed interface TimesheetEvent permits TimeEntryRecorded, TimeEntryAmended, TimeEntryDeleted,
		TimesheetSubmitted, TimesheetApproved, TimesheetRejected, TimesheetAnnotated, TimesheetReopened {

	String tenantId();

	String userId();

	String week();

	String actorId();

}
