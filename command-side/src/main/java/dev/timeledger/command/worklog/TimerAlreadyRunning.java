package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** A worker has at most one running timer. */
public class TimerAlreadyRunning extends DomainException {

	TimerAlreadyRunning(java.time.Instant startedAt) {
		super("timer-already-running", Kind.CONFLICT, "a timer is already running since " + startedAt);
	}

}
