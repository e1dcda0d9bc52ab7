package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** A week cannot be submitted while a timer that started in it runs. */
public class TimerRunning extends DomainException {

	TimerRunning(String week) {
		super("timer-running", Kind.CONFLICT,
				"stop or discard the timer that started in " + week + " before submitting it");
	}

}
