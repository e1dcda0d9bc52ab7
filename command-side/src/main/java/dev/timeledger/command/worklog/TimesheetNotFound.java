package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** The user has no timesheet in the actor's tenant. */
public class TimesheetNotFound extends DomainException {

	public TimesheetNotFound(WorklogId worklogId) {
		super("timesheet-not-found", Kind.NOT_FOUND, "user " + worklogId.userId() + " has no timesheets");
	}

}
