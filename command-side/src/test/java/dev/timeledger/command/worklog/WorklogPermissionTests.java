package dev.timeledger.command.worklog;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.timeledger.command.Actor;
import dev.timeledger.command.Forbidden;
import dev.timeledger.command.Role;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.timeledger.command.DomainExceptions.withCode;
import static dev.timeledger.command.worklog.Worklogs.ADA_ADMIN;
import static dev.timeledger.command.worklog.Worklogs.ANN;
import static dev.timeledger.command.worklog.Worklogs.ANN_MANAGING;
import static dev.timeledger.command.worklog.Worklogs.ANN_WORKER;
import static dev.timeledger.command.worklog.Worklogs.BOB_WORKER;
import static dev.timeledger.command.worklog.Worklogs.FOREIGN_MANAGER;
import static dev.timeledger.command.worklog.Worklogs.MAX_MANAGER;
import static dev.timeledger.command.worklog.Worklogs.OTHER_TENANT;
import static dev.timeledger.command.worklog.Worklogs.TENANT;
import static dev.timeledger.command.worklog.Worklogs.W48;
import static dev.timeledger.command.worklog.Worklogs.WEBSITE;
import static dev.timeledger.command.worklog.Worklogs.at;
import static dev.timeledger.command.worklog.Worklogs.recorded;
import static dev.timeledger.command.worklog.Worklogs.started;
import static dev.timeledger.command.worklog.Worklogs.submitted;
import static org.axonframework.test.matchers.Matchers.listWithAnyOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.anything;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Who may send which worklog command. Each rejected case is paired with one that shows
 * the same command succeeding for the right actor.
 */
class WorklogPermissionTests {

	private static final TimeEntryRecorded E1 = recorded("e1", "2026-11-24T09:00", "2026-11-24T10:00");

	private static final List<Object> WITH_ENTRY = List.of(E1);

	private static final List<Object> WITH_TIMER = List.of(E1, started("t1", "2026-11-25T10:00"));

	private static final List<Object> SUBMITTED = List.of(E1, submitted(W48));

	private static final Actor ANN_WITHOUT_WORKER_ROLE = new Actor(TENANT, "ann", Set.of(Role.MANAGER, Role.ADMIN));

	private static final Actor ANN_OF_OTHER_TENANT = new Actor(OTHER_TENANT, "ann", Set.of(Role.WORKER));

	private AggregateTestFixture<Worklog> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = Worklogs.fixture();
	}

	static Stream<Arguments> ownWork() {
		return Stream.of(
				own("start timer", WITH_ENTRY,
						(actor) -> new StartTimer(ANN, actor, "t2", WEBSITE, null, null, null, null)),
				own("stop timer", WITH_TIMER, (actor) -> new StopTimer(ANN, actor, null)),
				own("discard timer", WITH_TIMER, (actor) -> new DiscardTimer(ANN, actor)),
				own("record entry", WITH_ENTRY,
						(actor) -> new RecordTimeEntry(ANN, actor, "e2", WEBSITE, null, null, at("2026-11-24T11:00"),
								at("2026-11-24T12:00"), null, null)),
				own("amend entry", WITH_ENTRY,
						(actor) -> new AmendTimeEntry(ANN, actor, "e1", WEBSITE, null, null, at("2026-11-24T09:00"),
								at("2026-11-24T10:30"), null, null)),
				own("delete entry", WITH_ENTRY, (actor) -> new DeleteTimeEntry(ANN, actor, "e1")),
				own("submit timesheet", WITH_ENTRY, (actor) -> new SubmitTimesheet(ANN, actor, W48)));
	}

	static Stream<Arguments> decisions() {
		return Stream.of(decision("approve", (actor) -> new ApproveTimesheet(ANN, actor, W48, null)),
				decision("reject", (actor) -> new RejectTimesheet(ANN, actor, W48, "missing hours")),
				decision("reopen", (actor) -> new ReopenTimesheet(ANN, actor, W48, "late correction")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ownWork")
	void canTrackOwnTimeAsWorker(String name, List<Object> given, Function<Actor, Object> command) {
		this.fixture.given(given)
			.when(command.apply(ANN_WORKER))
			.expectSuccessfulHandlerExecution()
			.expectEventsMatching(listWithAnyOf(messageWithPayload(anything())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ownWork")
	void canTrackOwnTimeHoldingMoreRoles(String name, List<Object> given, Function<Actor, Object> command) {
		this.fixture.given(given)
			.when(command.apply(ANN_MANAGING))
			.expectSuccessfulHandlerExecution()
			.expectEventsMatching(listWithAnyOf(messageWithPayload(anything())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ownWork")
	void cannotTrackTimeOfAnotherWorker(String name, List<Object> given, Function<Actor, Object> command) {
		this.fixture.given(given)
			.when(command.apply(BOB_WORKER))
			.expectException(Forbidden.class)
			.expectException(withCode("forbidden"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ownWork")
	void cannotTrackTimeAsManagerOfTheWorklog(String name, List<Object> given, Function<Actor, Object> command) {
		this.fixture.given(given).when(command.apply(MAX_MANAGER)).expectException(Forbidden.class).expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ownWork")
	void cannotTrackTimeWithoutWorkerRole(String name, List<Object> given, Function<Actor, Object> command) {
		this.fixture.given(given)
			.when(command.apply(ANN_WITHOUT_WORKER_ROLE))
			.expectException(Forbidden.class)
			.expectException(withCode("forbidden"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ownWork")
	void cannotTrackTimeAsNamesakeOfAnotherTenant(String name, List<Object> given, Function<Actor, Object> command) {
		this.fixture.given(given)
			.when(command.apply(ANN_OF_OTHER_TENANT))
			.expectException(Forbidden.class)
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("decisions")
	void canDecideAsManager(String name, Function<Actor, Object> command) {
		this.fixture.given(SUBMITTED)
			.when(command.apply(MAX_MANAGER))
			.expectSuccessfulHandlerExecution()
			.expectEventsMatching(listWithAnyOf(messageWithPayload(anything())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("decisions")
	void cannotDecideAsWorker(String name, Function<Actor, Object> command) {
		this.fixture.given(SUBMITTED)
			.when(command.apply(BOB_WORKER))
			.expectException(Forbidden.class)
			.expectException(withCode("forbidden"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("decisions")
	void cannotDecideAsAdmin(String name, Function<Actor, Object> command) {
		this.fixture.given(SUBMITTED).when(command.apply(ADA_ADMIN)).expectException(Forbidden.class).expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("decisions")
	void cannotDecideOnOwnTimesheet(String name, Function<Actor, Object> command) {
		this.fixture.given(SUBMITTED)
			.when(command.apply(ANN_MANAGING))
			.expectException(SelfApproval.class)
			.expectException(withCode("self-approval"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("decisions")
	void cannotDecideOnWorkerWithoutTimesheets(String name, Function<Actor, Object> command) {
		this.fixture.givenNoPriorActivity()
			.when(command.apply(MAX_MANAGER))
			.expectException(TimesheetNotFound.class)
			.expectException(withCode("timesheet-not-found"))
			.expectNoEvents();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("decisions")
	void cannotDecideOnTimesheetOfAnotherTenant(String name, Function<Actor, Object> command) {
		this.fixture.given(SUBMITTED)
			.when(command.apply(FOREIGN_MANAGER))
			.expectException(TimesheetNotFound.class)
			.expectException(withCode("timesheet-not-found"))
			.expectNoEvents();
	}

	@Test
	void cannotAnnotateAsAnotherWorker() {
		this.fixture.given(WITH_ENTRY)
			.when(new AnnotateTimesheet(ANN, BOB_WORKER, W48, "a1", "note", null))
			.expectException(Forbidden.class)
			.expectException(withCode("forbidden"))
			.expectNoEvents();
	}

	@Test
	void cannotAnnotateAsAdmin() {
		this.fixture.given(WITH_ENTRY)
			.when(new AnnotateTimesheet(ANN, ADA_ADMIN, W48, "a1", "note", null))
			.expectException(Forbidden.class)
			.expectNoEvents();
	}

	@Test
	void cannotAnnotateWorkerWithoutTimesheetsAsManager() {
		this.fixture.givenNoPriorActivity()
			.when(new AnnotateTimesheet(ANN, MAX_MANAGER, W48, "a1", "note", null))
			.expectException(TimesheetNotFound.class)
			.expectException(withCode("timesheet-not-found"))
			.expectNoEvents();
	}

	@Test
	void cannotAnnotateTimesheetOfAnotherTenant() {
		this.fixture.given(WITH_ENTRY)
			.when(new AnnotateTimesheet(ANN, FOREIGN_MANAGER, W48, "a1", "note", null))
			.expectException(TimesheetNotFound.class)
			.expectException(withCode("timesheet-not-found"))
			.expectNoEvents();
	}

	private static Arguments own(String name, List<Object> given, Function<Actor, Object> command) {
		return arguments(name, given, command);
	}

	private static Arguments decision(String name, Function<Actor, Object> command) {
		return arguments(name, command);
	}

}
