package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** Only a submitted or approved week can be reopened. */
public class TimesheetNotLocked extends DomainException {

	TimesheetNotLocked(String week, TimesheetStatus status) {
		super("timesheet-not-locked", Kind.CONFLICT,
				"timesheet " + week + " is " + status.name().toLowerCase(java.util.Locale.ROOT)
						+ "; only a submitted or approved week can be reopened");
	}

}
