package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** Only a submitted week can be approved or rejected. */
public class TimesheetNotSubmitted extends DomainException {

	TimesheetNotSubmitted(String week, TimesheetStatus status) {
		super("timesheet-not-submitted", Kind.CONFLICT,
				"timesheet " + week + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + ", not submitted");
	}

}
