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

class TimerStopTests {

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
	void canStopTimer() {
		this.fixture.given(new TimerStarted(TENANT, "ann", "t1", WEBSITE, "Design", "Hero", TEN, "UTC", "ann"))
			.when(new StopTimer(ANN, ANN_WORKER, null))
			.expectEvents(new TimerStopped(TENANT, "ann", "t1", TEN, NOW, 7200, "ann"),
					new TimeEntryRecorded(TENANT, "ann", W48, "t1", WEBSITE, "Design", "Hero", TEN, NOW, 7200, true,
							"UTC", "timer", "ann"))
			.expectResultMessagePayload(
					new StoppedTimer("t1", 7200, List.of(new StoppedTimer.Entry("t1", W48, TEN, NOW, 7200))));
	}

	@Test
	void canStopTimerAtGivenTime() {
		Instant stop = at("2026-11-25T11:15").plusSeconds(30);
		this.fixture.given(started("t1", INTERNAL, TEN, "UTC"))
			.when(new StopTimer(ANN, ANN_WORKER, stop.plusMillis(900)))
			.expectEvents(new TimerStopped(TENANT, "ann", "t1", TEN, stop, 4530, "ann"), new TimeEntryRecorded(TENANT,
					"ann", W48, "t1", INTERNAL, null, null, TEN, stop, 4530, false, "UTC", "timer", "ann"));
	}

	@Test
	void canStopTimerAcrossWeekBoundaryInWorkersZone() {
		Instant stop = Instant.parse("2026-11-23T01:30:00Z");
		String secondPart = UUID.nameUUIDFromBytes("t1/1".getBytes()).toString();
		this.fixture.given(started("t1", WEBSITE, SUNDAY_LATE, BERLIN))
			.when(new StopTimer(ANN, ANN_WORKER, stop))
			.expectEvents(new TimerStopped(TENANT, "ann", "t1", SUNDAY_LATE, stop, 12600, "ann"),
					new TimeEntryRecorded(TENANT, "ann", W47, "t1", WEBSITE, null, null, SUNDAY_LATE, BERLIN_MONDAY,
							3600, true, BERLIN, "timer", "ann"),
					new TimeEntryRecorded(TENANT, "ann", W48, secondPart, WEBSITE, null, null, BERLIN_MONDAY, stop,
							9000, true, BERLIN, "timer", "ann"))
			.expectResultMessagePayload(new StoppedTimer("t1", 12600,
					List.of(new StoppedTimer.Entry("t1", W47, SUNDAY_LATE, BERLIN_MONDAY, 3600),
							new StoppedTimer.Entry(secondPart, W48, BERLIN_MONDAY, stop, 9000))));
	}

	@Test
	void canStopTimerAfterExactly24Hours() {
		Instant start = NOW.minusSeconds(86400);
		this.fixture.given(started("t1", WEBSITE, start, "UTC"))
			.when(new StopTimer(ANN, ANN_WORKER, null))
			.expectEvents(new TimerStopped(TENANT, "ann", "t1", start, NOW, 86400, "ann"), new TimeEntryRecorded(TENANT,
					"ann", W48, "t1", WEBSITE, null, null, start, NOW, 86400, true, "UTC", "timer", "ann"));
	}

	@Test
	void cannotStopTimerRunningOver24Hours() {
		this.fixture.given(started("t1", WEBSITE, NOW.minusSeconds(86401), "UTC"))
			.when(new StopTimer(ANN, ANN_WORKER, null))
			.expectException(InvalidEntry.class)
			.expectException(withCode("entry-too-long"))
			.expectNoEvents();
	}

	@Test
	void cannotStopTimerAtItsStart() {
		this.fixture.given(started("t1", "2026-11-25T10:00"))
			.when(new StopTimer(ANN, ANN_WORKER, TEN))
			.expectException(InvalidEntry.class)
			.expectException(withCode("invalid-interval"))
			.expectNoEvents();
	}

	@Test
	void cannotStopTimerBeforeItsStart() {
		this.fixture.given(started("t1", "2026-11-25T10:00"))
			.when(new StopTimer(ANN, ANN_WORKER, TEN.minusSeconds(60)))
			.expectException(InvalidEntry.class)
			.expectException(withCode("invalid-interval"))
			.expectNoEvents();
	}

	@Test
	void cannotStopTimerMoreThanOneMinuteAhead() {
		this.fixture.given(started("t1", "2026-11-25T10:00"))
			.when(new StopTimer(ANN, ANN_WORKER, NOW.plusSeconds(61)))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void cannotStopTimerOverlappingEntry() {
		this.fixture.given(started("t1", "2026-11-25T10:00"), recorded("e1", "2026-11-25T11:00", "2026-11-25T11:30"))
			.when(new StopTimer(ANN, ANN_WORKER, null))
			.expectException(EntryOverlaps.class)
			.expectException(withCode("entry-overlaps"))
			.expectNoEvents();
	}

	@Test
	void canStopTimerWhereEntryStarts() {
		this.fixture.given(started("t1", "2026-11-25T10:00"), recorded("e1", "2026-11-25T12:00", "2026-11-25T13:00"))
			.when(new StopTimer(ANN, ANN_WORKER, null))
			.expectEvents(new TimerStopped(TENANT, "ann", "t1", TEN, NOW, 7200, "ann"), new TimeEntryRecorded(TENANT,
					"ann", W48, "t1", WEBSITE, null, null, TEN, NOW, 7200, true, "UTC", "timer", "ann"));
	}

	@Test
	void cannotStopWithoutTimer() {
		this.fixture.givenNoPriorActivity()
			.when(new StopTimer(ANN, ANN_WORKER, null))
			.expectException(NoRunningTimer.class)
			.expectException(withCode("no-running-timer"))
			.expectNoEvents();
	}

	@Test
	void cannotStopTimerTwice() {
		this.fixture
			.given(started("t1", "2026-11-25T10:00"), new TimerStopped(TENANT, "ann", "t1", TEN, NOW, 7200, "ann"),
					recorded("t1", "2026-11-25T10:00", "2026-11-25T12:00"))
			.when(new StopTimer(ANN, ANN_WORKER, null))
			.expectException(NoRunningTimer.class)
			.expectNoEvents();
	}

	@Test
	void canDiscardTimer() {
		this.fixture.given(started("t1", "2026-11-25T10:00"))
			.when(new DiscardTimer(ANN, ANN_WORKER))
			.expectEvents(new TimerDiscarded(TENANT, "ann", "t1", TEN, "ann"));
	}

	@Test
	void cannotDiscardWithoutTimer() {
		this.fixture.givenNoPriorActivity()
			.when(new DiscardTimer(ANN, ANN_WORKER))
			.expectException(NoRunningTimer.class)
			.expectException(withCode("no-running-timer"))
			.expectNoEvents();
	}

	@Test
	void cannotDiscardDiscardedTimer() {
		this.fixture.given(started("t1", "2026-11-25T10:00"), new TimerDiscarded(TENANT, "ann", "t1", TEN, "ann"))
			.when(new DiscardTimer(ANN, ANN_WORKER))
			.expectException(NoRunningTimer.class)
			.expectNoEvents();
	}

}
