package dev.timeledger.command.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import dev.timeledger.command.Actor;
import dev.timeledger.command.Forbidden;
import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Role;
import dev.timeledger.command.project.ChangeProject.RateChange;
import dev.timeledger.events.project.ProjectArchived;
import dev.timeledger.events.project.ProjectBillabilityChanged;
import dev.timeledger.events.project.ProjectClientChanged;
import dev.timeledger.events.project.ProjectCreated;
import dev.timeledger.events.project.ProjectRateChanged;
import dev.timeledger.events.project.ProjectRenamed;
import dev.timeledger.events.project.ProjectRestored;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.timeledger.command.DomainExceptions.withCode;

class ProjectChangeTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final Actor MAX_MANAGER = new Actor("acme", "max", Set.of(Role.MANAGER));

	private static final Actor ADA_ADMIN = new Actor("acme", "ada", Set.of(Role.ADMIN));

	private static final Actor FOREIGN_MANAGER = new Actor("globex", "gus", Set.of(Role.MANAGER));

	private static final BigDecimal RATE = new BigDecimal("95.00");

	private static final BigDecimal NEW_RATE = new BigDecimal("120.50");

	private static final ProjectCreated CREATED = new ProjectCreated("acme", "p1", "Website", "Acme Corp", true, RATE,
			"EUR", "max");

	private static final ProjectArchived ARCHIVED = new ProjectArchived("acme", "p1", "max");

	private AggregateTestFixture<Project> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Project.class);
		this.fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void canRenameProject() {
		this.fixture.given(CREATED)
			.when(change(" Shop ", null, false, null, null, null))
			.expectEvents(new ProjectRenamed("acme", "p1", "Shop", "max"));
	}

	@Test
	void canKeepNameUnchanged() {
		this.fixture.given(CREATED)
			.when(change(" Website ", null, false, null, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void cannotRenameProjectToBlank(String name) {
		this.fixture.given(CREATED)
			.when(change(name, null, false, null, null, null))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void canChangeClient() {
		this.fixture.given(CREATED)
			.when(change(null, " Globex ", true, null, null, null))
			.expectEvents(new ProjectClientChanged("acme", "p1", "Globex", "max"));
	}

	@Test
	void canRemoveClient() {
		this.fixture.given(CREATED)
			.when(change(null, null, true, null, null, null))
			.expectEvents(new ProjectClientChanged("acme", "p1", null, "max"));
	}

	@Test
	void canKeepRemovedClientRemoved() {
		this.fixture.given(CREATED, new ProjectClientChanged("acme", "p1", null, "max"))
			.when(change(null, " ", true, null, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void canKeepClientWhenItIsNotPartOfTheChange() {
		this.fixture.given(CREATED)
			.when(change(null, "Globex", false, null, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void canKeepClientUnchanged() {
		this.fixture.given(CREATED)
			.when(change(null, "Acme Corp", true, null, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void canChangeBillability() {
		this.fixture.given(CREATED)
			.when(change(null, null, false, false, null, null))
			.expectEvents(new ProjectBillabilityChanged("acme", "p1", false, "max"));
	}

	@Test
	void canKeepBillabilityUnchanged() {
		this.fixture.given(CREATED, new ProjectBillabilityChanged("acme", "p1", false, "max"))
			.when(change(null, null, false, false, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void canArchiveProject() {
		this.fixture.given(CREATED).when(change(null, null, false, null, true, null)).expectEvents(ARCHIVED);
	}

	@Test
	void canKeepArchivedProjectArchived() {
		this.fixture.given(CREATED, ARCHIVED)
			.when(change(null, null, false, null, true, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void canRestoreArchivedProject() {
		this.fixture.given(CREATED, ARCHIVED)
			.when(change(null, null, false, null, false, null))
			.expectEvents(new ProjectRestored("acme", "p1", "max"));
	}

	@Test
	void canKeepActiveProjectActive() {
		this.fixture.given(CREATED, ARCHIVED, new ProjectRestored("acme", "p1", "max"))
			.when(change(null, null, false, null, false, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void canChangeRateFromNow() {
		this.fixture.given(CREATED)
			.when(change(null, null, false, null, null, new RateChange(NEW_RATE, "EUR", null)))
			.expectEvents(new ProjectRateChanged("acme", "p1", NEW_RATE, "EUR", NOW, "max"));
	}

	@Test
	void canChangeRateFromGivenInstant() {
		Instant first = Instant.parse("2026-12-01T00:00:00Z");
		this.fixture.given(CREATED)
			.when(change(null, null, false, null, null, new RateChange(NEW_RATE, "USD", first)))
			.expectEvents(new ProjectRateChanged("acme", "p1", NEW_RATE, "USD", first, "max"));
	}

	@Test
	void canRemoveRate() {
		this.fixture.given(CREATED)
			.when(change(null, null, false, null, null, new RateChange(null, null, null)))
			.expectEvents(new ProjectRateChanged("acme", "p1", null, null, NOW, "max"));
	}

	@ParameterizedTest
	@CsvSource(value = { "120.50, null", "null, EUR", "-1, EUR", "1.005, EUR", "10, EURO" }, nullValues = "null")
	void cannotChangeToInvalidRate(BigDecimal amount, String currency) {
		this.fixture.given(CREATED)
			.when(change(null, null, false, null, null, new RateChange(amount, currency, null)))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void canChangeOnlyAttributesThatDiffer() {
		this.fixture.given(CREATED)
			.when(change("Shop", "Acme Corp", true, false, true, new RateChange(NEW_RATE, "EUR", null)))
			.expectEvents(new ProjectRateChanged("acme", "p1", NEW_RATE, "EUR", NOW, "max"),
					new ProjectRenamed("acme", "p1", "Shop", "max"),
					new ProjectBillabilityChanged("acme", "p1", false, "max"), ARCHIVED);
	}

	@Test
	void canSendEmptyChange() {
		this.fixture.given(CREATED)
			.when(change(null, null, false, null, null, null))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void cannotChangeAnythingWhenOneAttributeIsInvalid() {
		this.fixture.given(CREATED)
			.when(change("n".repeat(201), "Globex", true, false, true, new RateChange(NEW_RATE, "EUR", null)))
			.expectException(InvalidInput.class)
			.expectNoEvents();
	}

	@Test
	void canChangeProjectAsAdmin() {
		this.fixture.given(CREATED)
			.when(new ChangeProject("p1", ADA_ADMIN, "Shop", null, false, null, null, null))
			.expectEvents(new ProjectRenamed("acme", "p1", "Shop", "ada"));
	}

	@Test
	void cannotChangeProjectAsWorker() {
		this.fixture.given(CREATED)
			.when(new ChangeProject("p1", new Actor("acme", "ann", Set.of(Role.WORKER)), "Shop", null, false, null,
					null, null))
			.expectException(Forbidden.class)
			.expectException(withCode("forbidden"))
			.expectNoEvents();
	}

	@Test
	void cannotChangeUnknownProject() {
		this.fixture.givenNoPriorActivity()
			.when(change("Shop", null, false, null, null, null))
			.expectException(ProjectNotFound.class)
			.expectException(withCode("project-not-found"))
			.expectNoEvents();
	}

	@Test
	void cannotChangeProjectOfAnotherTenant() {
		this.fixture.given(CREATED)
			.when(new ChangeProject("p1", FOREIGN_MANAGER, "Shop", null, false, null, true, null))
			.expectException(ProjectNotFound.class)
			.expectException(withCode("project-not-found"))
			.expectNoEvents();
	}

	private static ChangeProject change(String name, String client, boolean clientChanged, Boolean billable,
			Boolean archived, RateChange rate) {
		return new ChangeProject("p1", MAX_MANAGER, name, client, clientChanged, billable, archived, rate);
	}

	@Test
	void canRestateTheCurrentRateWithoutAnEvent() {
		this.fixture.given(CREATED)
			.when(change(null, null, false, null, null, new RateChange(new BigDecimal("95"), "EUR", null)))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void canRestateTheCurrentRateFromAGivenInstant() {
		Instant first = Instant.parse("2026-12-01T00:00:00Z");
		this.fixture.given(CREATED)
			.when(change(null, null, false, null, null, new RateChange(RATE, "EUR", first)))
			.expectEvents(new ProjectRateChanged("acme", "p1", RATE, "EUR", first, "max"));
	}

}
