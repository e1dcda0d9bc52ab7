package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** A submitted or approved week accepts no new, changed or deleted entries. */
public class TimesheetLocked extends DomainException {

	TimesheetLocked(String week, TimesheetStatus status) {
		super("timesheet-locked", Kind.CONFLICT, "timesheet " + week + " is "
				+ status.name().toLowerCase(java.util.Locale.ROOT) + " and locked until it is rejected or reopened");
	}

}
