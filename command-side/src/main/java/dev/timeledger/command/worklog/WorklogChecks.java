package dev.timeledger.command.worklog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.timeledger.command.Actor;
import dev.timeledger.command.Forbidden;
import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Role;
import dev.timeledger.command.Texts;
import dev.timeledger.command.Times;
import dev.timeledger.events.IsoWeek;

/** The checks of a worklog's commands that need no state. */
final class WorklogChecks {

	static final int MAX_TEXT = 2000;

	static final int MAX_TASK = 200;

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private WorklogChecks() {
	}

	static void requireOwnWork(WorklogId owner, Actor actor) {
		if (!isOwner(owner, actor)) {
			throw new Forbidden("only " + owner.userId() + " tracks and submits this time");
		}
		actor.requireAny(Role.WORKER);
	}

	static boolean isOwner(WorklogId owner, Actor actor) {
		return owner.tenantId().equals(actor.tenantId()) && owner.userId().equals(actor.userId());
	}

	/** The given instant, or now, to the second; never in the future. */
	static Instant notInFuture(Instant at, Clock clock) {
		Instant now = clock.instant();
		Times.require("at", at);
		if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
			throw new InvalidInput("at (" + at + ") is in the future");
		}
		return ((at != null) ? at : now).truncatedTo(ChronoUnit.SECONDS);
	}

	static String week(String week) {
		try {
			return IsoWeek.parse(week).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(ex.getMessage());
		}
	}

	/**
	 * The project an entry is on.
	 * @throws InvalidInput when it is missing
	 */
	static String projectId(String projectId) {
		if (projectId == null || projectId.isBlank()) {
			throw new InvalidInput("projectId is required");
		}
		return projectId;
	}

	static String task(String task) {
		return Texts.optional("task", task, MAX_TASK);
	}

	static String description(String description) {
		return Texts.optional("description", description, MAX_TEXT);
	}

}
