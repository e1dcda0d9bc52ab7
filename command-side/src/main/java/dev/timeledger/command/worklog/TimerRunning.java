package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** A week cannot be submitted while the running timer may still record time in it. */
public class TimerRunning extends DomainException {

	TimerRunning(String week, RunningTimer timer) {
		super("timer-running", Kind.CONFLICT, "the timer running since " + timer.startedAt()
				+ " may still record time in " + week + "; stop or discard it before submitting the week");
	}

}
