package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** Nobody decides on their own timesheet. */
public class SelfApproval extends DomainException {

	SelfApproval() {
		super("self-approval", Kind.CONFLICT, "managers cannot approve, reject or reopen their own timesheet");
	}

}
