package dev.timeledger.command.worklog;

import java.util.List;
import java.util.stream.Stream;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetApproved;
import dev.timeledger.events.timesheet.TimesheetRejected;
import dev.timeledger.events.timesheet.TimesheetReopened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.timeledger.command.DomainExceptions.withCode;
import static dev.timeledger.command.worklog.Worklogs.ANN;
import static dev.timeledger.command.worklog.Worklogs.MAX_MANAGER;
import static dev.timeledger.command.worklog.Worklogs.TENANT;
import static dev.timeledger.command.worklog.Worklogs.W47;
import static dev.timeledger.command.worklog.Worklogs.W48;
import static dev.timeledger.command.worklog.Worklogs.approved;
import static dev.timeledger.command.worklog.Worklogs.recorded;
import static dev.timeledger.command.worklog.Worklogs.rejected;
import static dev.timeledger.command.worklog.Worklogs.reopened;
import static dev.timeledger.command.worklog.Worklogs.submitted;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TimesheetDecisionTests {

	private static final TimeEntryRecorded E1 = recorded("e1", "2026-11-24T09:00", "2026-11-24T10:00");

	private static final List<Object> SUBMITTED = List.of(E1, submitted(W48));

	private static final List<Object> APPROVED = List.of(E1, submitted(W48), approved(W48));

	private static final List<Object> REJECTED = List.of(E1, submitted(W48), rejected(W48));

	private static final List<Object> REOPENED = List.of(E1, submitted(W48), approved(W48), reopened(W48));

	private static final List<Object> OPEN = List.of(E1);

	private AggregateTestFixture<Worklog> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = Worklogs.fixture();
	}

	static Stream<Arguments> notSubmitted() {
		return Stream.of(arguments("open", OPEN), arguments("approved", APPROVED), arguments("rejected", REJECTED),
				arguments("reopened", REOPENED));
	}

	static Stream<Arguments> locked() {
		return Stream.of(arguments("submitted", SUBMITTED), arguments("approved", APPROVED));
	}

	static Stream<Arguments> notLocked() {
		return Stream.of(arguments("open", OPEN), arguments("rejected", REJECTED), arguments("reopened", REOPENED));
	}

	@Test
	void canApproveSubmittedWeek() {
		this.fixture.given(SUBMITTED)
			.when(new ApproveTimesheet(ANN, MAX_MANAGER, W48, "  Looks good "))
			.expectEvents(new TimesheetApproved(TENANT, "ann", W48, "Looks good", "max"));
	}

	@Test
	void canApproveWithoutComment() {
		this.fixture.given(SUBMITTED)
			.when(new ApproveTimesheet(ANN, MAX_MANAGER, W48, " "))
			.expectEvents(new TimesheetApproved(TENANT, "ann", W48, null, "max"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notSubmitted")
	void cannotApproveWeekThatIsNotSubmitted(String status, List<Object> given) {
		this.fixture.given(given)
			.when(new ApproveTimesheet(ANN, MAX_MANAGER, W48, null))
			.expectException(TimesheetNotSubmitted.class)
			.expectException(withCode("timesheet-not-submitted"))
			.expectNoEvents();
	}

	@Test
	void cannotApproveWeekOtherThanSubmittedOne() {
		this.fixture.given(SUBMITTED)
			.when(new ApproveTimesheet(ANN, MAX_MANAGER, W47, null))
			.expectException(TimesheetNotSubmitted.class)
			.expectNoEvents();
	}

	@Test
	void cannotApproveMalformedWeek() {
		this.fixture.given(SUBMITTED)
			.when(new ApproveTimesheet(ANN, MAX_MANAGER, "2026-48", null))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void canRejectSubmittedWeek() {
		this.fixture.given(SUBMITTED)
			.when(new RejectTimesheet(ANN, MAX_MANAGER, W48, " Tuesday is missing "))
			.expectEvents(new TimesheetRejected(TENANT, "ann", W48, "Tuesday is missing", "max"));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t\n" })
	void cannotRejectWithoutReason(String reason) {
		this.fixture.given(SUBMITTED)
			.when(new RejectTimesheet(ANN, MAX_MANAGER, W48, reason))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void cannotRejectWithTooLongReason() {
		this.fixture.given(SUBMITTED)
			.when(new RejectTimesheet(ANN, MAX_MANAGER, W48, "x".repeat(2001)))
			.expectException(InvalidInput.class)
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notSubmitted")
	void cannotRejectWeekThatIsNotSubmitted(String status, List<Object> given) {
		this.fixture.given(given)
			.when(new RejectTimesheet(ANN, MAX_MANAGER, W48, "wrong"))
			.expectException(TimesheetNotSubmitted.class)
			.expectException(withCode("timesheet-not-submitted"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("locked")
	void canReopenLockedWeek(String status, List<Object> given) {
		this.fixture.given(given)
			.when(new ReopenTimesheet(ANN, MAX_MANAGER, W48, " Late correction "))
			.expectEvents(new TimesheetReopened(TENANT, "ann", W48, "Late correction", "max"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notLocked")
	void cannotReopenWeekThatIsNotLocked(String status, List<Object> given) {
		this.fixture.given(given)
			.when(new ReopenTimesheet(ANN, MAX_MANAGER, W48, "why not"))
			.expectException(TimesheetNotLocked.class)
			.expectException(withCode("timesheet-not-locked"))
			.expectNoEvents();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  " })
	void cannotReopenWithoutReason(String reason) {
		this.fixture.given(APPROVED)
			.when(new ReopenTimesheet(ANN, MAX_MANAGER, W48, reason))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

}
