package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** There is no running timer to stop or discard. */
public class NoRunningTimer extends DomainException {

	NoRunningTimer() {
		super("no-running-timer", Kind.CONFLICT, "no timer is running");
	}

}
