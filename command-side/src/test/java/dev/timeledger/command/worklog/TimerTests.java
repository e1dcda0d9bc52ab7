package dev.timeledger.command.worklog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.project.ProjectIsArchived;
import dev.timeledger.command.project.ProjectNotFound;
import dev.timeledger.events.timer.TimerDiscarded;
import dev.timeledger.events.timer.TimerStarted;
import dev.timeledger.events.timer.TimerStopped;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.timeledger.command.DomainExceptions.withCode;
import static dev.timeledger.command.worklog.Worklogs.ANN;
import static dev.timeledger.command.worklog.Worklogs.ANN_WORKER;
import static dev.timeledger.command.worklog.Worklogs.FOREIGN;
import static dev.timeledger.command.worklog.Worklogs.INTERNAL;
import static dev.timeledger.command.worklog.Worklogs.LEGACY;
import static dev.timeledger.command.worklog.Worklogs.NOW;
import static dev.timeledger.command.worklog.Worklogs.TENANT;
import static dev.timeledger.command.worklog.Worklogs.W47;
import static dev.timeledger.command.worklog.Worklogs.W48;
import static dev.timeledger.command.worklog.Worklogs.start;
import static dev.timeledger.command.worklog.Worklogs.WEBSITE;
import static dev.timeledger.command.worklog.Worklogs.at;
import static dev.timeledger.command.worklog.Worklogs.recorded;
import static dev.timeledger.command.worklog.Worklogs.started;

class TimerTests {

	private static final Instant TEN = at("2026-11-25T10:00");

	/** Sunday 23:00 in Berlin, the last hour of 2026-W47 there. */
	private static final Instant SUNDAY_LATE = Instant.parse("2026-11-22T22:00:00Z");

	private static final Instant BERLIN_MONDAY = Instant.parse("2026-11-22T23:00:00Z");

	private static final String BERLIN = "Europe/Berlin";

	private AggregateTestFixture<Worklog> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = Worklogs.fixture();
	}

	@Test
	void canStartTimer() {
		this.fixture.givenNoPriorActivity()
			.when(new StartTimer(ANN, ANN_WORKER, "t1", WEBSITE, "  Design ", "Landing page",
					Instant.parse("2026-11-25T10:00:00.700Z"), null))
			.expectEvents(new TimerStarted(TENANT, "ann", "t1", WEBSITE, "Design", "Landing page", TEN, "UTC", "ann"))
			.expectResultMessagePayload(TEN);
	}

	@Test
	void canStartTimerNowInWorkersZone() {
		this.fixture.givenNoPriorActivity()
			.when(new StartTimer(ANN, ANN_WORKER, "t1", WEBSITE, null, " ", null, BERLIN))
			.expectEvents(new TimerStarted(TENANT, "ann", "t1", WEBSITE, null, null, NOW, BERLIN, "ann"))
			.expectResultMessagePayload(NOW);
	}

	@Test
	void canStartTimerOneMinuteAhead() {
		this.fixture.givenNoPriorActivity()
			.when(start("t1", NOW.plusSeconds(60)))
			.expectEvents(
					new TimerStarted(TENANT, "ann", "t1", WEBSITE, null, null, NOW.plusSeconds(60), "UTC", "ann"));
	}

	@Test
	void cannotStartTimerMoreThanOneMinuteAhead() {
		this.fixture.givenNoPriorActivity()
			.when(start("t1", NOW.plusSeconds(61)))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void cannotStartSecondTimer() {
		this.fixture.given(started("t1", "2026-11-25T10:00"))
			.when(start("t2", null))
			.expectException(TimerAlreadyRunning.class)
			.expectException(withCode("timer-already-running"))
			.expectNoEvents();
	}

	@Test
	void canStartTimerAfterStoppingPreviousOne() {
		this.fixture
			.given(started("t1", "2026-11-25T09:00"),
					new TimerStopped(TENANT, "ann", "t1", at("2026-11-25T09:00"), TEN, 3600, "ann"),
					recorded("t1", "2026-11-25T09:00", "2026-11-25T10:00"))
			.when(start("t2", TEN))
			.expectEvents(new TimerStarted(TENANT, "ann", "t2", WEBSITE, null, null, TEN, "UTC", "ann"));
	}

	@Test
	void canStartTimerAfterDiscardingPreviousOne() {
		this.fixture.given(started("t1", "2026-11-25T10:00"), new TimerDiscarded(TENANT, "ann", "t1", TEN, "ann"))
			.when(start("t2", TEN))
			.expectEvents(new TimerStarted(TENANT, "ann", "t2", WEBSITE, null, null, TEN, "UTC", "ann"));
	}

	@Test
	void cannotStartTimerOverlappingEntry() {
		this.fixture.given(recorded("e1", "2026-11-25T10:30", "2026-11-25T11:00"))
			.when(start("t1", TEN))
			.expectException(EntryOverlaps.class)
			.expectException(withCode("entry-overlaps"))
			.expectNoEvents();
	}

	@Test
	void cannotStartTimerInsideEntry() {
		this.fixture.given(recorded("e1", "2026-11-25T11:30", "2026-11-25T12:30"))
			.when(start("t1", null))
			.expectException(EntryOverlaps.class)
			.expectNoEvents();
	}

	@Test
	void canStartTimerWhereEntryEnds() {
		this.fixture.given(recorded("e1", "2026-11-25T09:00", "2026-11-25T10:00"))
			.when(start("t1", TEN))
			.expectEvents(new TimerStarted(TENANT, "ann", "t1", WEBSITE, null, null, TEN, "UTC", "ann"));
	}

	@Test
	void cannotStartTimerOnUnknownProject() {
		this.fixture.givenNoPriorActivity()
			.when(new StartTimer(ANN, ANN_WORKER, "t1", "nope", null, null, null, null))
			.expectException(ProjectNotFound.class)
			.expectException(withCode("project-not-found"))
			.expectNoEvents();
	}

	@Test
	void cannotStartTimerOnProjectOfAnotherTenant() {
		this.fixture.givenNoPriorActivity()
			.when(new StartTimer(ANN, ANN_WORKER, "t1", FOREIGN, null, null, null, null))
			.expectException(ProjectNotFound.class)
			.expectNoEvents();
	}

	@Test
	void cannotStartTimerOnArchivedProject() {
		this.fixture.givenNoPriorActivity()
			.when(new StartTimer(ANN, ANN_WORKER, "t1", LEGACY, null, null, null, null))
			.expectException(ProjectIsArchived.class)
			.expectException(withCode("project-archived"))
			.expectNoEvents();
	}

	@Test
	void cannotStartTimerInUnknownZone() {
		this.fixture.givenNoPriorActivity()
			.when(new StartTimer(ANN, ANN_WORKER, "t1", WEBSITE, null, null, null, "Mars/Olympus"))
			.expectException(InvalidInput.class)
			.expectNoEvents();
	}

	@Test
	void cannotStartTimerWithTakenEntryId() {
		this.fixture.given(recorded("t1", "2026-11-24T09:00", "2026-11-24T10:00"))
			.when(new StartTimer(ANN, ANN_WORKER, "t1", WEBSITE, null, null, null, null))
			.expectException(InvalidInput.class)
			.expectNoEvents();
	}

}
