package dev.timeledger.command.worklog;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetAnnotated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.timeledger.command.DomainExceptions.withCode;
import static dev.timeledger.command.worklog.Worklogs.ANN;
import static dev.timeledger.command.worklog.Worklogs.ANN_WORKER;
import static dev.timeledger.command.worklog.Worklogs.MAX_MANAGER;
import static dev.timeledger.command.worklog.Worklogs.TENANT;
import static dev.timeledger.command.worklog.Worklogs.W47;
import static dev.timeledger.command.worklog.Worklogs.W48;
import static dev.timeledger.command.worklog.Worklogs.approved;
import static dev.timeledger.command.worklog.Worklogs.recorded;
import static dev.timeledger.command.worklog.Worklogs.submitted;

class TimesheetAnnotationTests {

	private static final TimeEntryRecorded E1 = recorded("e1", "2026-11-24T09:00", "2026-11-24T10:00");

	private AggregateTestFixture<Worklog> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = Worklogs.fixture();
	}

	@Test
	void canAnnotateOwnWeek() {
		this.fixture.given(E1)
			.when(new AnnotateTimesheet(ANN, ANN_WORKER, W48, "a1", " Was ill on Monday ", null))
			.expectEvents(new TimesheetAnnotated(TENANT, "ann", W48, "a1", "Was ill on Monday", null, "ann"));
	}

	@Test
	void canAnnotateOwnWeekBeforeTrackingTime() {
		this.fixture.givenNoPriorActivity()
			.when(new AnnotateTimesheet(ANN, ANN_WORKER, W48, "a1", "On leave", null))
			.expectEvents(new TimesheetAnnotated(TENANT, "ann", W48, "a1", "On leave", null, "ann"));
	}

	@Test
	void canAnnotateWeekAsManager() {
		this.fixture.given(E1, submitted(W48), approved(W48))
			.when(new AnnotateTimesheet(ANN, MAX_MANAGER, W48, "a1", "Checked with client", null))
			.expectEvents(new TimesheetAnnotated(TENANT, "ann", W48, "a1", "Checked with client", null, "max"));
	}

	@Test
	void canAnnotateEntryOfTheWeek() {
		this.fixture.given(E1)
			.when(new AnnotateTimesheet(ANN, MAX_MANAGER, W48, "a1", "Too long?", "e1"))
			.expectEvents(new TimesheetAnnotated(TENANT, "ann", W48, "a1", "Too long?", "e1", "max"));
	}

	@Test
	void cannotAnnotateEntryOfAnotherWeek() {
		this.fixture.given(E1)
			.when(new AnnotateTimesheet(ANN, ANN_WORKER, W47, "a1", "Too long?", "e1"))
			.expectException(EntryNotFound.class)
			.expectException(withCode("entry-not-found"))
			.expectNoEvents();
	}

	@Test
	void cannotAnnotateUnknownEntry() {
		this.fixture.given(E1)
			.when(new AnnotateTimesheet(ANN, MAX_MANAGER, W48, "a1", "Too long?", "e9"))
			.expectException(EntryNotFound.class)
			.expectException(withCode("entry-not-found"))
			.expectNoEvents();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  " })
	void cannotAnnotateWithoutText(String text) {
		this.fixture.given(E1)
			.when(new AnnotateTimesheet(ANN, ANN_WORKER, W48, "a1", text, null))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void cannotAnnotateMalformedWeek() {
		this.fixture.given(E1)
			.when(new AnnotateTimesheet(ANN, ANN_WORKER, "2026-W99", "a1", "note", null))
			.expectException(InvalidInput.class)
			.expectNoEvents();
	}

}
