package dev.timeledger.command.worklog;

import java.time.Instant;

import dev.timeledger.command.project.ProjectIsArchived;
import dev.timeledger.command.project.ProjectNotFound;
import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.timeledger.command.DomainExceptions.withCode;
import static dev.timeledger.command.worklog.Worklogs.ANN;
import static dev.timeledger.command.worklog.Worklogs.ANN_WORKER;
import static dev.timeledger.command.worklog.Worklogs.INTERNAL;
import static dev.timeledger.command.worklog.Worklogs.LEGACY;
import static dev.timeledger.command.worklog.Worklogs.TENANT;
import static dev.timeledger.command.worklog.Worklogs.W47;
import static dev.timeledger.command.worklog.Worklogs.W48;
import static dev.timeledger.command.worklog.Worklogs.WEBSITE;
import static dev.timeledger.command.worklog.Worklogs.at;
import static dev.timeledger.command.worklog.Worklogs.recorded;
import static dev.timeledger.command.worklog.Worklogs.started;

class TimeEntryChangeTests {

	private static final TimeEntryRecorded E1 = recorded("e1", "2026-11-24T09:00", "2026-11-24T10:00");

	private static final TimeEntryRecorded E2 = recorded("e2", "2026-11-24T11:00", "2026-11-24T12:00");

	private static final Instant NINE = at("2026-11-24T09:00");

	private static final Instant HALF_TEN = at("2026-11-24T10:30");

	private static final Instant FRIDAY_NINE = at("2026-11-20T09:00");

	private static final Instant FRIDAY_TEN = at("2026-11-20T10:00");

	private AggregateTestFixture<Worklog> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = Worklogs.fixture();
	}

	@Test
	void canAmendEntry() {
		this.fixture.given(E1, E2)
			.when(new AmendTimeEntry(ANN, ANN_WORKER, "e1", WEBSITE, " Review ", "Copy", NINE, HALF_TEN, null, null))
			.expectEvents(new TimeEntryAmended(TENANT, "ann", W48, W48, "e1", WEBSITE, "Review", "Copy", NINE, HALF_TEN,
					5400, true, "UTC", "ann"))
			.expectResultMessagePayload(W48);
	}

	@Test
	void canAmendEntryOntoOtherProjectWithItsBillability() {
		this.fixture.given(E1)
			.when(new AmendTimeEntry(ANN, ANN_WORKER, "e1", INTERNAL, null, null, NINE, HALF_TEN, null, null))
			.expectEvents(new TimeEntryAmended(TENANT, "ann", W48, W48, "e1", INTERNAL, null, null, NINE, HALF_TEN,
					5400, false, "UTC", "ann"));
	}

	@Test
	void canAmendEntryWithOwnBillability() {
		this.fixture.given(E1)
			.when(new AmendTimeEntry(ANN, ANN_WORKER, "e1", WEBSITE, null, null, NINE, HALF_TEN, false, null))
			.expectEvents(new TimeEntryAmended(TENANT, "ann", W48, W48, "e1", WEBSITE, null, null, NINE, HALF_TEN, 5400,
					false, "UTC", "ann"));
	}

	@Test
	void canAmendEntryIntoAnotherWeek() {
		this.fixture.given(E1, E2)
			.when(amend("e1", FRIDAY_NINE, FRIDAY_TEN))
			.expectEvents(new TimeEntryAmended(TENANT, "ann", W47, W48, "e1", WEBSITE, null, null, FRIDAY_NINE,
					FRIDAY_TEN, 3600, true, "UTC", "ann"))
			.expectResultMessagePayload(W47);
	}

	@Test
	void canAmendEntryOverlappingItsOwnOldTime() {
		this.fixture.given(E1, E2)
			.when(amend("e1", at("2026-11-24T09:30"), at("2026-11-24T11:00")))
			.expectEvents(new TimeEntryAmended(TENANT, "ann", W48, W48, "e1", WEBSITE, null, null,
					at("2026-11-24T09:30"), at("2026-11-24T11:00"), 5400, true, "UTC", "ann"));
	}

	@Test
	void cannotAmendEntryToOverlapAnother() {
		this.fixture.given(E1, E2)
			.when(amend("e1", HALF_TEN, at("2026-11-24T11:30")))
			.expectException(EntryOverlaps.class)
			.expectException(withCode("entry-overlaps"))
			.expectNoEvents();
	}

	@Test
	void cannotAmendEntryToOverlapRunningTimer() {
		this.fixture.given(E1, started("t1", "2026-11-25T10:00"))
			.when(amend("e1", at("2026-11-25T10:30"), at("2026-11-25T11:00")))
			.expectException(EntryOverlaps.class)
			.expectNoEvents();
	}

	@Test
	void cannotAmendEntryToSpanWeeks() {
		this.fixture.given(E1)
			.when(amend("e1", at("2026-11-22T23:30"), at("2026-11-23T00:30")))
			.expectException(InvalidEntry.class)
			.expectException(withCode("entry-spans-weeks"))
			.expectNoEvents();
	}

	@Test
	void cannotAmendEntryToEndBeforeItsStart() {
		this.fixture.given(E1)
			.when(amend("e1", HALF_TEN, NINE))
			.expectException(InvalidEntry.class)
			.expectException(withCode("invalid-interval"))
			.expectNoEvents();
	}

	@Test
	void cannotAmendUnknownEntry() {
		this.fixture.given(E1)
			.when(amend("e9", NINE, HALF_TEN))
			.expectException(EntryNotFound.class)
			.expectException(withCode("entry-not-found"))
			.expectNoEvents();
	}

	@Test
	void cannotAmendDeletedEntry() {
		this.fixture.given(E1, new TimeEntryDeleted(TENANT, "ann", W48, "e1", "ann"))
			.when(amend("e1", NINE, HALF_TEN))
			.expectException(EntryNotFound.class)
			.expectNoEvents();
	}

	@Test
	void canAmendEntryKeepingItsArchivedProject() {
		this.fixture.given(recorded("e1", LEGACY, NINE, at("2026-11-24T10:00"), "UTC"))
			.when(new AmendTimeEntry(ANN, ANN_WORKER, "e1", LEGACY, "Fix", null, NINE, HALF_TEN, null, null))
			.expectEvents(new TimeEntryAmended(TENANT, "ann", W48, W48, "e1", LEGACY, "Fix", null, NINE, HALF_TEN, 5400,
					true, "UTC", "ann"));
	}

	@Test
	void cannotAmendEntryOntoArchivedProject() {
		this.fixture.given(E1)
			.when(new AmendTimeEntry(ANN, ANN_WORKER, "e1", LEGACY, null, null, NINE, HALF_TEN, null, null))
			.expectException(ProjectIsArchived.class)
			.expectException(withCode("project-archived"))
			.expectNoEvents();
	}

	@Test
	void cannotAmendEntryOntoUnknownProject() {
		this.fixture.given(E1)
			.when(new AmendTimeEntry(ANN, ANN_WORKER, "e1", "nope", null, null, NINE, HALF_TEN, null, null))
			.expectException(ProjectNotFound.class)
			.expectException(withCode("project-not-found"))
			.expectNoEvents();
	}

	@Test
	void canDeleteEntry() {
		this.fixture.given(E1, E2)
			.when(new DeleteTimeEntry(ANN, ANN_WORKER, "e1"))
			.expectEvents(new TimeEntryDeleted(TENANT, "ann", W48, "e1", "ann"));
	}

	@Test
	void canDeleteEntryFromWeekItWasMovedTo() {
		this.fixture
			.given(E1,
					new TimeEntryAmended(TENANT, "ann", W47, W48, "e1", WEBSITE, null, null, FRIDAY_NINE, FRIDAY_TEN,
							3600, true, "UTC", "ann"))
			.when(new DeleteTimeEntry(ANN, ANN_WORKER, "e1"))
			.expectEvents(new TimeEntryDeleted(TENANT, "ann", W47, "e1", "ann"));
	}

	@Test
	void cannotDeleteUnknownEntry() {
		this.fixture.given(E1)
			.when(new DeleteTimeEntry(ANN, ANN_WORKER, "e9"))
			.expectException(EntryNotFound.class)
			.expectException(withCode("entry-not-found"))
			.expectNoEvents();
	}

	@Test
	void cannotDeleteEntryTwice() {
		this.fixture.given(E1, new TimeEntryDeleted(TENANT, "ann", W48, "e1", "ann"))
			.when(new DeleteTimeEntry(ANN, ANN_WORKER, "e1"))
			.expectException(EntryNotFound.class)
			.expectNoEvents();
	}

	private static AmendTimeEntry amend(String entryId, Instant start, Instant end) {
		return new AmendTimeEntry(ANN, ANN_WORKER, entryId, WEBSITE, null, null, start, end, null, null);
	}

}
