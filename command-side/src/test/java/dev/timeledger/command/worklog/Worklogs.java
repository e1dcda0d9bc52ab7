package dev.timeledger.command.worklog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import dev.timeledger.command.Actor;
import dev.timeledger.command.Role;
import dev.timeledger.events.IsoWeek;
import dev.timeledger.events.timer.TimerStarted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetApproved;
import dev.timeledger.events.timesheet.TimesheetRejected;
import dev.timeledger.events.timesheet.TimesheetReopened;
import dev.timeledger.events.timesheet.TimesheetSubmitted;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * What the worklog tests share: the worklog of worker ann in tenant acme, the projects of
 * the directory and a clock fixed on Wednesday noon of 2026-W48.
 */
final class Worklogs {

	/** Wednesday of 2026-W48, which runs from 2026-11-23 to 2026-11-29 in UTC. */
	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	static final String TENANT = "acme";

	static final String OTHER_TENANT = "globex";

	static final WorklogId ANN = WorklogId.of(TENANT, "ann");

	static final Actor ANN_WORKER = new Actor(TENANT, "ann", Set.of(Role.WORKER));

	static final Actor ANN_MANAGING = new Actor(TENANT, "ann", Set.of(Role.WORKER, Role.MANAGER));

	static final Actor BOB_WORKER = new Actor(TENANT, "bob", Set.of(Role.WORKER));

	static final Actor MAX_MANAGER = new Actor(TENANT, "max", Set.of(Role.MANAGER));

	static final Actor ADA_ADMIN = new Actor(TENANT, "ada", Set.of(Role.ADMIN));

	static final Actor FOREIGN_MANAGER = new Actor(OTHER_TENANT, "max", Set.of(Role.MANAGER));

	static final String W47 = "2026-W47";

	static final String W48 = "2026-W48";

	/** Billable by default. */
	static final String WEBSITE = "website";

	/** Not billable by default. */
	static final String INTERNAL = "internal";

	/** Archived, billable by default. */
	static final String LEGACY = "legacy";

	/** A project of the other tenant only. */
	static final String FOREIGN = "foreign";

	private Worklogs() {
	}

	static AggregateTestFixture<Worklog> fixture() {
		AggregateTestFixture<Worklog> fixture = new AggregateTestFixture<>(Worklog.class);
		fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
		fixture.registerInjectableResource(new InMemoryProjectDirectory().add(TENANT, WEBSITE, true, false)
			.add(TENANT, INTERNAL, false, false)
			.add(TENANT, LEGACY, true, true)
			.add(OTHER_TENANT, FOREIGN, true, false));
		return fixture;
	}

	/** The instant of {@code 2026-11-24T09:00} in UTC. */
	static Instant at(String utcMinute) {
		return Instant.parse(utcMinute + ":00Z");
	}

	/** An entry of ann recorded by hand on the website project in UTC. */
	static TimeEntryRecorded recorded(String entryId, String start, String end) {
		return recorded(entryId, WEBSITE, at(start), at(end), "UTC");
	}

	static TimeEntryRecorded recorded(String entryId, String projectId, Instant start, Instant end, String zone) {
		return new TimeEntryRecorded(TENANT, "ann", IsoWeek.containing(start, ZoneId.of(zone)).toString(), entryId,
				projectId, null, null, start, end, Duration.between(start, end).toSeconds(), true, zone, "manual",
				"ann");
	}

	/** Ann's timer on the website project in UTC. */
	static TimerStarted started(String entryId, String at) {
		return started(entryId, WEBSITE, at(at), "UTC");
	}

	static TimerStarted started(String entryId, String projectId, Instant at, String zone) {
		return new TimerStarted(TENANT, "ann", entryId, projectId, null, null, at, zone, "ann");
	}

	static TimesheetSubmitted submitted(String week) {
		return new TimesheetSubmitted(TENANT, "ann", week, "ann");
	}

	static TimesheetApproved approved(String week) {
		return new TimesheetApproved(TENANT, "ann", week, null, "max");
	}

	static TimesheetRejected rejected(String week) {
		return new TimesheetRejected(TENANT, "ann", week, "missing hours", "max");
	}

	static TimesheetReopened reopened(String week) {
		return new TimesheetReopened(TENANT, "ann", week, "late correction", "max");
	}

	static StartTimer start(String entryId, Instant at) {
		return new StartTimer(ANN, ANN_WORKER, entryId, WEBSITE, null, null, at, null);
	}

}
