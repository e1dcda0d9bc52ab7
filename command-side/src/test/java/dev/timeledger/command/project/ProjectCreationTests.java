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

class ProjectCreationTests {

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
	void canCreateProjectAsManager() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, "  Website ", " Acme Corp ", true, RATE, "EUR"))
			.expectEvents(CREATED);
	}

	@Test
	void canCreateProjectAsAdmin() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", ADA_ADMIN, "Website", "Acme Corp", true, RATE, "EUR"))
			.expectEvents(new ProjectCreated("acme", "p1", "Website", "Acme Corp", true, RATE, "EUR", "ada"));
	}

	@Test
	void canCreateProjectWithoutClientAndRate() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, "Internal", " ", false, null, null))
			.expectEvents(new ProjectCreated("acme", "p1", "Internal", null, false, null, null, "max"));
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "WORKER", "INTEGRATION", "OPERATOR" })
	void cannotCreateProjectWithoutManagerOrAdminRole(Role role) {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", new Actor("acme", "ann", Set.of(role)), "Website", null, true, null, null))
			.expectException(Forbidden.class)
			.expectException(withCode("forbidden"))
			.expectNoEvents();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   " })
	void cannotCreateProjectWithoutName(String name) {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, name, null, true, null, null))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void canCreateProjectWithNameOf200Characters() {
		String name = "n".repeat(200);
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, name, null, true, null, null))
			.expectEvents(new ProjectCreated("acme", "p1", name, null, true, null, null, "max"));
	}

	@Test
	void cannotCreateProjectWithNameOver200Characters() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, "n".repeat(201), null, true, null, null))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@Test
	void cannotCreateProjectWithClientOver200Characters() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, "Website", "c".repeat(201), true, null, null))
			.expectException(InvalidInput.class)
			.expectNoEvents();
	}

	@ParameterizedTest
	@CsvSource(value = { "95.00, null", "null, EUR" }, nullValues = "null")
	void cannotCreateProjectWithHalfRate(BigDecimal amount, String currency) {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, "Website", null, true, amount, currency))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@ParameterizedTest
	@ValueSource(strings = { "EURO", "eur", "ABC", "" })
	void cannotCreateProjectWithUnknownCurrency(String currency) {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, "Website", null, true, RATE, currency))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-0.01", "12.345", "0.001", "1000000" })
	void cannotCreateProjectWithInvalidAmount(String amount) {
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, "Website", null, true, new BigDecimal(amount), "EUR"))
			.expectException(InvalidInput.class)
			.expectException(withCode("validation-failed"))
			.expectNoEvents();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "12.5", "12.500", "999999.99" })
	void canCreateProjectWithValidAmount(String amount) {
		BigDecimal rate = new BigDecimal(amount);
		this.fixture.givenNoPriorActivity()
			.when(new CreateProject("p1", MAX_MANAGER, "Website", null, true, rate, "CHF"))
			.expectEvents(new ProjectCreated("acme", "p1", "Website", null, true, rate, "CHF", "max"));
	}

}
