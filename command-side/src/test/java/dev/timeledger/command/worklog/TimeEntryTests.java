package dev.timeledger.command.worklog;

import java.time.Instant;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.project.ProjectIsArchived;
import dev.timeledger.command.project.ProjectNotFound;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.timeledger.command.DomainExceptions.withCode;
import static dev.timeledger.command.worklog.Worklogs.ANN;
import static dev.timeledger.command.worklog.Worklogs.ANN_WORKER;
import static dev.timeledger.command.worklog.Worklogs.FOREIGN;
import static dev.timeledger.command.worklog.Worklogs.INTERNAL;
import static dev.timeledger.command.worklog.Worklogs.LEGACY;
import static dev.timeledger.command.worklog.Worklogs.TENANT;
import static dev.timeledger.command.worklog.Worklogs.W47;
import static dev.timeledger.command.worklog.Worklogs.W48;
import static dev.timeledger.command.worklog.Worklogs.WEBSITE;
import static dev.timeledger.command.worklog.Worklogs.at;
import static dev.timeledger.command.worklog.Worklogs.recorded;
import static dev.timeledger.command.worklog.Worklogs.started;

class TimeEntryTests {

	private static final Instant NINE = at("2026-11-24T09:00");

	private static final Instant HALF_TEN = at("2026-11-24T10:30");

	/** The end of 2026-W47 and the start of 2026-W48 in UTC. */
	private static final Instant WEEK_END = at("2026-11-23T00:00");

	private static final String AUCKLAND = "Pacific/Auckland";

	private AggregateTestFixture<Worklog> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = Worklogs.fixture();
	}

	@Test
	void canRecordEntry() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", WEBSITE, " Design ", " Hero ", NINE.plusMillis(400),
					HALF_TEN.plusMillis(999), null, null))
			.expectEvents(new TimeEntryRecorded(TENANT, "ann", W48, "e1", WEBSITE, "Design", "Hero", NINE, HALF_TEN,
					5400, true, "UTC", "manual", "ann"))
			.expectResultMessagePayload(W48);
	}

	@Test
	void canRecordEntryNotBillableByProjectDefault() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", INTERNAL, null, null, NINE, HALF_TEN, null, null))
			.expectEvents(new TimeEntryRecorded(TENANT, "ann", W48, "e1", INTERNAL, null, null, NINE, HALF_TEN, 5400,
					false, "UTC", "manual", "ann"));
	}

	@ParameterizedTest
	@CsvSource({ "website, false", "internal, true" })
	void canRecordEntryWithOwnBillability(String projectId, boolean billable) {
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", projectId, null, null, NINE, HALF_TEN, billable, null))
			.expectEvents(new TimeEntryRecorded(TENANT, "ann", W48, "e1", projectId, null, null, NINE, HALF_TEN, 5400,
					billable, "UTC", "manual", "ann"));
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-24T10:30:00Z, 2026-11-24T10:30:00Z", "2026-11-24T10:30:00Z, 2026-11-24T09:00:00Z",
			"2026-11-24T10:30:00.200Z, 2026-11-24T10:30:00.800Z" })
	void cannotRecordEntryNotEndingAfterItsStart(Instant start, Instant end) {
		this.fixture.givenNoPriorActivity()
			.when(record("e1", start, end))
			.expectException(InvalidEntry.class)
			.expectException(withCode("invalid-interval"))
			.expectNoEvents();
	}

	@Test
	void cannotRecordEntryWithoutEnd() {
		this.fixture.givenNoPriorActivity()
			.when(record("e1", NINE, null))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void canRecordEntryOfExactly24Hours() {
		Instant tuesday = WEEK_END.plusSeconds(86400);
		this.fixture.givenNoPriorActivity()
			.when(record("e1", WEEK_END, tuesday))
			.expectEvents(new TimeEntryRecorded(TENANT, "ann", W48, "e1", WEBSITE, null, null, WEEK_END, tuesday, 86400,
					true, "UTC", "manual", "ann"));
	}

	@Test
	void cannotRecordEntryOfMoreThan24Hours() {
		this.fixture.givenNoPriorActivity()
			.when(record("e1", WEEK_END, WEEK_END.plusSeconds(86401)))
			.expectException(InvalidEntry.class)
			.expectException(withCode("entry-too-long"))
			.expectNoEvents();
	}

	@Test
	void canRecordEntryEndingAtWeekEnd() {
		Instant start = at("2026-11-22T22:00");
		this.fixture.givenNoPriorActivity()
			.when(record("e1", start, WEEK_END))
			.expectEvents(new TimeEntryRecorded(TENANT, "ann", W47, "e1", WEBSITE, null, null, start, WEEK_END, 7200,
					true, "UTC", "manual", "ann"))
			.expectResultMessagePayload(W47);
	}

	@Test
	void cannotRecordEntrySpanningWeeks() {
		this.fixture.givenNoPriorActivity()
			.when(record("e1", at("2026-11-22T23:00"), at("2026-11-23T01:00")))
			.expectException(InvalidEntry.class)
			.expectException(withCode("entry-spans-weeks"))
			.expectNoEvents();
	}

	@Test
	void cannotRecordEntrySpanningWeeksInWorkersZone() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", WEBSITE, null, null, at("2026-11-22T22:30"),
					at("2026-11-22T23:30"), null, "Europe/Berlin"))
			.expectException(InvalidEntry.class)
			.expectException(withCode("entry-spans-weeks"))
			.expectNoEvents();
	}

	@Test
	void canRecordEntryInWeekOfWorkersZone() {
		Instant sundayNoonUtc = at("2026-11-22T12:00");
		Instant end = at("2026-11-22T14:00");
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", WEBSITE, null, null, sundayNoonUtc, end, null, AUCKLAND))
			.expectEvents(new TimeEntryRecorded(TENANT, "ann", W48, "e1", WEBSITE, null, null, sundayNoonUtc, end, 7200,
					true, AUCKLAND, "manual", "ann"))
			.expectResultMessagePayload(W48);
	}

	@Test
	void cannotRecordEntryInUnknownZone() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", WEBSITE, null, null, NINE, HALF_TEN, null, "Nowhere"))
			.expectException(InvalidInput.class)
			.expectNoEvents();
	}

	@ParameterizedTest
	@CsvSource({ "09:30, 10:30", "08:30, 09:30", "09:15, 09:45", "08:00, 11:00", "09:00, 10:00" })
	void cannotRecordEntryOverlappingAnother(String start, String end) {
		this.fixture.given(recorded("e1", "2026-11-24T09:00", "2026-11-24T10:00"))
			.when(record("e2", at("2026-11-24T" + start), at("2026-11-24T" + end)))
			.expectException(EntryOverlaps.class)
			.expectException(withCode("entry-overlaps"))
			.expectNoEvents();
	}

	@ParameterizedTest
	@CsvSource({ "10:00, 11:00", "08:00, 09:00" })
	void canRecordEntryTouchingAnother(String start, String end) {
		this.fixture.given(recorded("e1", "2026-11-24T09:00", "2026-11-24T10:00"))
			.when(record("e2", at("2026-11-24T" + start), at("2026-11-24T" + end)))
			.expectEvents(recorded("e2", "2026-11-24T" + start, "2026-11-24T" + end));
	}

	@Test
	void cannotRecordEntryOverlappingEntryOfNeighbouringWeek() {
		this.fixture.given(recorded("e1", WEBSITE, at("2026-11-22T12:00"), at("2026-11-22T14:00"), AUCKLAND))
			.when(record("e2", at("2026-11-22T13:00"), at("2026-11-22T15:00")))
			.expectException(EntryOverlaps.class)
			.expectNoEvents();
	}

	@Test
	void canRecordEntryWhereDeletedEntryWas() {
		this.fixture
			.given(recorded("e1", "2026-11-24T09:00", "2026-11-24T10:00"),
					new TimeEntryDeleted(TENANT, "ann", W48, "e1", "ann"))
			.when(record("e2", at("2026-11-24T09:00"), at("2026-11-24T10:00")))
			.expectEvents(recorded("e2", "2026-11-24T09:00", "2026-11-24T10:00"));
	}

	@ParameterizedTest
	@CsvSource({ "11:00, 11:30", "09:00, 10:30", "11:30, 12:30" })
	void cannotRecordEntryOverlappingRunningTimer(String start, String end) {
		this.fixture.given(started("t1", "2026-11-25T10:00"))
			.when(record("e1", at("2026-11-25T" + start), at("2026-11-25T" + end)))
			.expectException(EntryOverlaps.class)
			.expectException(withCode("entry-overlaps"))
			.expectNoEvents();
	}

	@Test
	void canRecordEntryEndingWhereRunningTimerStarts() {
		this.fixture.given(started("t1", "2026-11-25T10:00"))
			.when(record("e1", at("2026-11-25T09:00"), at("2026-11-25T10:00")))
			.expectEvents(recorded("e1", "2026-11-25T09:00", "2026-11-25T10:00"));
	}

	@Test
	void cannotRecordEntryOnUnknownProject() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", "nope", null, null, NINE, HALF_TEN, null, null))
			.expectException(ProjectNotFound.class)
			.expectException(withCode("project-not-found"))
			.expectNoEvents();
	}

	@Test
	void cannotRecordEntryOnProjectOfAnotherTenant() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", FOREIGN, null, null, NINE, HALF_TEN, null, null))
			.expectException(ProjectNotFound.class)
			.expectException(withCode("project-not-found"))
			.expectNoEvents();
	}

	@Test
	void cannotRecordEntryOnArchivedProject() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", LEGACY, null, null, NINE, HALF_TEN, null, null))
			.expectException(ProjectIsArchived.class)
			.expectException(withCode("project-archived"))
			.expectNoEvents();
	}

	private static RecordTimeEntry record(String entryId, Instant start, Instant end) {
		return new RecordTimeEntry(ANN, ANN_WORKER, entryId, WEBSITE, null, null, start, end, null, null);
	}

	@Test
	void cannotRecordEntryWithTakenId() {
		this.fixture.given(recorded("e1", "2026-11-24T09:00", "2026-11-24T10:00"))
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", WEBSITE, null, null, NINE, HALF_TEN, null, null))
			.expectException(InvalidInput.class)
			.expectNoEvents();
	}

	@Test
	void cannotRecordEntryWithoutProject() {
		this.fixture.givenNoPriorActivity()
			.when(new RecordTimeEntry(ANN, ANN_WORKER, "e1", " ", null, null, NINE, HALF_TEN, null, null))
			.expectException(InvalidInput.class)
			.expectNoEvents();
	}

}
