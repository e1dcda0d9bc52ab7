package dev.timeledger.command.worklog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.events.timer.TimerStarted;
import dev.timeledger.events.timer.TimerStopped;
import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetSubmitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.timeledger.command.DomainExceptions.withCode;
import static dev.timeledger.command.worklog.Worklogs.ANN;
import static dev.timeledger.command.worklog.Worklogs.ANN_WORKER;
import static dev.timeledger.command.worklog.Worklogs.NOW;
import static dev.timeledger.command.worklog.Worklogs.TENANT;
import static dev.timeledger.command.worklog.Worklogs.W47;
import static dev.timeledger.command.worklog.Worklogs.W48;
import static dev.timeledger.command.worklog.Worklogs.WEBSITE;
import static dev.timeledger.command.worklog.Worklogs.approved;
import static dev.timeledger.command.worklog.Worklogs.at;
import static dev.timeledger.command.worklog.Worklogs.recorded;
import static dev.timeledger.command.worklog.Worklogs.rejected;
import static dev.timeledger.command.worklog.Worklogs.reopened;
import static dev.timeledger.command.worklog.Worklogs.started;
import static dev.timeledger.command.worklog.Worklogs.submitted;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TimesheetLockTests {

	/** An entry of 2026-W48. */
	private static final TimeEntryRecorded E1 = recorded("e1", "2026-11-24T09:00", "2026-11-24T10:00");

	/** An entry of 2026-W47. */
	private static final TimeEntryRecorded E0 = recorded("e0", "2026-11-20T09:00", "2026-11-20T10:00");

	private static final Instant NINE = at("2026-11-24T09:00");

	private static final Instant HALF_TEN = at("2026-11-24T10:30");

	private AggregateTestFixture<Worklog> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = Worklogs.fixture();
	}

	static Stream<Arguments> lockedWeek() {
		return Stream.of(arguments("submitted", List.of(E1, submitted(W48))),
				arguments("approved", List.of(E1, submitted(W48), approved(W48))));
	}

	static Stream<Arguments> unlockedWeek() {
		return Stream.of(arguments("rejected", List.of(E1, submitted(W48), rejected(W48))),
				arguments("reopened", List.of(E1, submitted(W48), reopened(W48))),
				arguments("reopened after approval", List.of(E1, submitted(W48), approved(W48), reopened(W48))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockedWeek")
	void cannotRecordEntryIntoLockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(record("e2", at("2026-11-24T11:00"), at("2026-11-24T12:00")))
			.expectException(TimesheetLocked.class)
			.expectException(withCode("timesheet-locked"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockedWeek")
	void cannotAmendEntryInsideLockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(amend("e1", NINE, HALF_TEN))
			.expectException(TimesheetLocked.class)
			.expectException(withCode("timesheet-locked"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockedWeek")
	void cannotAmendEntryOutOfLockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(amend("e1", at("2026-11-20T11:00"), at("2026-11-20T12:00")))
			.expectException(TimesheetLocked.class)
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockedWeek")
	void cannotAmendEntryIntoLockedWeek(String status, List<Object> given) {
		this.fixture.given(with(given, E0))
			.when(amend("e0", at("2026-11-24T13:00"), at("2026-11-24T14:00")))
			.expectException(TimesheetLocked.class)
			.expectException(withCode("timesheet-locked"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockedWeek")
	void cannotDeleteEntryOfLockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(new DeleteTimeEntry(ANN, ANN_WORKER, "e1"))
			.expectException(TimesheetLocked.class)
			.expectException(withCode("timesheet-locked"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockedWeek")
	void cannotStartTimerInLockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(new StartTimer(ANN, ANN_WORKER, "t1", WEBSITE, null, null, null, null))
			.expectException(TimesheetLocked.class)
			.expectException(withCode("timesheet-locked"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockedWeek")
	void cannotStopTimerIntoLockedWeek(String status, List<Object> given) {
		this.fixture.given(with(given, started("t1", "2026-11-22T22:00")))
			.when(new StopTimer(ANN, ANN_WORKER, at("2026-11-23T01:00")))
			.expectException(TimesheetLocked.class)
			.expectException(withCode("timesheet-locked"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockedWeek")
	void cannotSubmitLockedWeekAgain(String status, List<Object> given) {
		this.fixture.given(given)
			.when(new SubmitTimesheet(ANN, ANN_WORKER, W48))
			.expectException(TimesheetLocked.class)
			.expectException(withCode("timesheet-locked"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockedWeek")
	void canRecordEntryIntoOtherWeekWhileOneIsLocked(String status, List<Object> given) {
		this.fixture.given(given)
			.when(record("e2", at("2026-11-20T09:00"), at("2026-11-20T10:00")))
			.expectEvents(recorded("e2", "2026-11-20T09:00", "2026-11-20T10:00"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unlockedWeek")
	void canRecordEntryIntoUnlockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(record("e2", at("2026-11-24T11:00"), at("2026-11-24T12:00")))
			.expectEvents(recorded("e2", "2026-11-24T11:00", "2026-11-24T12:00"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unlockedWeek")
	void canAmendEntryOfUnlockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(amend("e1", NINE, HALF_TEN))
			.expectEvents(new TimeEntryAmended(TENANT, "ann", W48, W48, "e1", WEBSITE, null, null, NINE, HALF_TEN, 5400,
					true, "UTC", "ann"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unlockedWeek")
	void canDeleteEntryOfUnlockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(new DeleteTimeEntry(ANN, ANN_WORKER, "e1"))
			.expectEvents(new TimeEntryDeleted(TENANT, "ann", W48, "e1", "ann"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unlockedWeek")
	void canStartTimerInUnlockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(new StartTimer(ANN, ANN_WORKER, "t1", WEBSITE, null, null, null, null))
			.expectEvents(new TimerStarted(TENANT, "ann", "t1", WEBSITE, null, null, NOW, "UTC", "ann"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unlockedWeek")
	void canSubmitUnlockedWeekAgain(String status, List<Object> given) {
		this.fixture.given(given).when(new SubmitTimesheet(ANN, ANN_WORKER, W48)).expectEvents(submitted(W48));
	}

	@Test
	void canSubmitWeek() {
		this.fixture.given(E0, E1)
			.when(new SubmitTimesheet(ANN, ANN_WORKER, "2026-W48"))
			.expectEvents(new TimesheetSubmitted(TENANT, "ann", W48, "ann"));
	}

	@Test
	void canSubmitEmptyWeekOfNewWorker() {
		this.fixture.givenNoPriorActivity()
			.when(new SubmitTimesheet(ANN, ANN_WORKER, W47))
			.expectEvents(new TimesheetSubmitted(TENANT, "ann", W47, "ann"));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "2026-W54", "2026-47", "2025-W53", "W48" })
	void cannotSubmitMalformedWeek(String week) {
		this.fixture.given(E1)
			.when(new SubmitTimesheet(ANN, ANN_WORKER, week))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void cannotSubmitWeekWhileItsTimerRuns() {
		this.fixture.given(E1, started("t1", "2026-11-25T10:00"))
			.when(new SubmitTimesheet(ANN, ANN_WORKER, W48))
			.expectException(TimerRunning.class)
			.expectException(withCode("timer-running"))
			.expectNoEvents();
	}

	@Test
	void cannotSubmitWeekWhoseTimerRunsIntoNextWeek() {
		this.fixture.given(E0, started("t1", "2026-11-22T22:00"))
			.when(new SubmitTimesheet(ANN, ANN_WORKER, W47))
			.expectException(TimerRunning.class)
			.expectNoEvents();
	}

	@Test
	void cannotSubmitWeekOfTimerStartedInWorkersZone() {
		this.fixture.given(started("t1", WEBSITE, at("2026-11-22T12:00"), "Pacific/Auckland"))
			.when(new SubmitTimesheet(ANN, ANN_WORKER, W48))
			.expectException(TimerRunning.class)
			.expectNoEvents();
	}

	@Test
	void canSubmitEarlierWeekWhileTimerRuns() {
		this.fixture.given(E0, started("t1", "2026-11-25T10:00"))
			.when(new SubmitTimesheet(ANN, ANN_WORKER, W47))
			.expectEvents(submitted(W47));
	}

	@Test
	void canSubmitWeekAfterItsTimerStopped() {
		Instant ten = at("2026-11-25T10:00");
		this.fixture
			.given(started("t1", "2026-11-25T10:00"), new TimerStopped(TENANT, "ann", "t1", ten, NOW, 7200, "ann"),
					recorded("t1", "2026-11-25T10:00", "2026-11-25T12:00"))
			.when(new SubmitTimesheet(ANN, ANN_WORKER, W48))
			.expectEvents(submitted(W48));
	}

	private static List<Object> with(List<Object> given, Object event) {
		List<Object> events = new ArrayList<>(given);
		events.add(event);
		return events;
	}

	private static RecordTimeEntry record(String entryId, Instant start, Instant end) {
		return new RecordTimeEntry(ANN, ANN_WORKER, entryId, WEBSITE, null, null, start, end, null, null);
	}

	private static AmendTimeEntry amend(String entryId, Instant start, Instant end) {
		return new AmendTimeEntry(ANN, ANN_WORKER, entryId, WEBSITE, null, null, start, end, null, null);
	}

	@Test
	void cannotSubmitWeekWhileATimerStartedBeforeItRuns() {
		this.fixture.given(E0, started("t1", "2026-11-22T22:00"))
			.when(new SubmitTimesheet(ANN, ANN_WORKER, W48))
			.expectException(TimerRunning.class)
			.expectNoEvents();
	}

	@Test
	void canSubmitWeekThatBeginsMoreThan24HoursAfterTheTimerStarted() {
		this.fixture.given(E0, started("t1", "2026-11-21T23:00"))
			.when(new SubmitTimesheet(ANN, ANN_WORKER, W48))
			.expectEvents(submitted(W48));
	}

	@Test
	void canSubmitAFutureWeekWhileTimerRuns() {
		this.fixture.given(E1, started("t1", "2026-11-25T10:00"))
			.when(new SubmitTimesheet(ANN, ANN_WORKER, "2099-W02"))
			.expectEvents(submitted("2099-W02"));
	}

}
