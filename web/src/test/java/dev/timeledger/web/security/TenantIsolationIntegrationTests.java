package dev.timeledger.web.security;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.query.changelog.Destinations;
import dev.timeledger.web.security.CrossTenantCases.Attack;
import dev.timeledger.web.security.CrossTenantCases.Case;
import dev.timeledger.web.security.CrossTenantCases.Subscription;
import dev.timeledger.web.security.CrossTenantCases.Victim;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.IntegrationTest;
import dev.timeledger.web.support.StompTestClient;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B's users, who have the same user ids as tenant A's, aim every API endpoint at
 * A's ids and subscribe to every live destination of A. Each answer is the documented
 * refusal, or B's own data, never A's; nothing is stored in A, and nothing in B on a
 * refusal. A new endpoint or destination kind fails the completeness tests until it has a
 * case in {@link CrossTenantCases}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	ApiClient api;

	Victim victim;

	TestWorld intruder;

	@BeforeAll
	void createVictim() {
		this.api = new ApiClient(this.port);
		TestWorld a = new TestWorld(this.api, this.jdbc);
		String secret = "secret-" + UUID.randomUUID();
		Response entry = this.api.post("/api/time-entries", a.worker, Map.of("projectId", a.projectId, "start",
				"2026-11-02T09:00:00Z", "end", "2026-11-02T10:00:00Z", "description", secret), "key-" + secret);
		assertThat(entry.status()).as(entry.body()).isEqualTo(201);
		assertThat(
				this.api.post("/api/timesheets/me/" + CrossTenantCases.WEEK + "/submission", a.worker, null).status())
			.isEqualTo(200);
		assertThat(this.api
			.post("/api/timesheets/walt/" + CrossTenantCases.WEEK + "/annotations", a.manager, Map.of("text", secret))
			.status()).isEqualTo(201);
		assertThat(this.api.post("/api/time-entries/start", a.worker, Map.of("projectId", a.projectId)).status())
			.isEqualTo(201);
		this.victim = new Victim(a, entry.json().get("entryId").asText(), secret);
	}

	@BeforeEach
	void createIntruder() {
		this.intruder = new TestWorld(this.api, this.jdbc);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.timeledger.web.security.CrossTenantCases#cases")
	void anotherTenantsIds_answerTheDocumentedRefusal_orTheCallersOwnData(Case endpoint) {
		long victimEvents = this.victim.world().eventCount();
		long intruderEvents = this.intruder.eventCount();

		Response response = endpoint.call().apply(new Attack(this.api, this.victim, this.intruder));

		if (endpoint.code() != null) {
			assertThat(TestWorld.isProblem(response, endpoint.status(), endpoint.code()))
				.as(response.status() + " " + response.body())
				.isTrue();
		}
		else {
			assertThat(response.status()).as(response.body()).isEqualTo(endpoint.status());
			assertThat(response.body()).doesNotContain(this.victim.world().projectId, this.victim.entryId());
			if (endpoint.ownMarker() != null) {
				assertThat(response.body()).contains(endpoint.ownMarker().apply(this.intruder));
			}
		}
		assertThat(response.body()).doesNotContain(this.victim.secret(), this.victim.world().tenant);
		assertThat(this.victim.world().eventCount()).as("events stored in A").isEqualTo(victimEvents);
		assertThat(this.intruder.eventCount() - intruderEvents).as("events stored in B").isEqualTo(endpoint.stores());
	}

	@Test
	void everyApiEndpoint_hasACrossTenantCase() {
		Set<String> endpoints = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(TenantIsolationIntegrationTests::endpoints)
			.filter((endpoint) -> endpoint.contains(" /api/"))
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> covered = CrossTenantCases.cases()
			.map(Case::endpoint)
			.collect(Collectors.toCollection(TreeSet::new));
		covered.addAll(CrossTenantCases.NOT_TENANT_SCOPED.keySet());

		assertThat(covered).containsExactlyElementsOf(endpoints);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.timeledger.web.security.CrossTenantCases#destinations")
	void anotherTenantsDestination_isRefused_andDeliversNothing(Subscription subscription) throws Exception {
		String destination = "/topic/" + subscription.destination().apply(this.victim);
		String intruderToken = subscription.subscriber().apply(this.intruder);

		try (StompTestClient client = StompTestClient.connect(this.port, intruderToken)) {
			BlockingQueue<JsonNode> messages = client.subscribe(destination, 0L);
			assertThat(client.awaitClosed(CrossTenantCases.WAIT)).isTrue();
			assertThat(client.errors()).anySatisfy((error) -> assertThat(error).startsWith("forbidden"));
			assertThat(StompTestClient.next(messages, Duration.ofMillis(300))).isNull();
		}
		try (StompTestClient owner = StompTestClient.connect(this.port,
				subscription.subscriber().apply(this.victim.world()))) {
			BlockingQueue<JsonNode> messages = owner
				.subscribe("/topic/" + subscription.destination().apply(this.victim), 0L);
			assertThat(StompTestClient.next(messages, CrossTenantCases.WAIT)).as("the owner's backlog").isNotNull();
		}
	}

	@Test
	void everyDestinationKind_hasACrossTenantCase() {
		Set<String> kinds = Arrays.stream(Destinations.class.getFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.map(TenantIsolationIntegrationTests::value)
			.collect(Collectors.toCollection(TreeSet::new));

		Set<String> covered = CrossTenantCases.destinations()
			.map(Subscription::kind)
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(covered).containsExactlyElementsOf(kinds);
	}

	@Test
	void anIdempotencyKeyOfAnotherTenant_replaysNothing() {
		Response response = this.api.post(
				"/api/time-entries", this.intruder.worker, Map.of("projectId", this.intruder.projectId, "start",
						"2026-11-02T09:00:00Z", "end", "2026-11-02T10:00:00Z", "description", this.victim.secret()),
				"key-" + this.victim.secret());

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("Idempotent-Replayed")).isNull();
		assertThat(response.json().get("entryId").asText()).isNotEqualTo(this.victim.entryId());
	}

	private static Stream<String> endpoints(RequestMappingInfo mapping) {
		String produces = mapping.getProducesCondition()
			.getExpressions()
			.stream()
			.map((expression) -> " " + expression.getMediaType())
			.collect(Collectors.joining());
		return mapping.getMethodsCondition()
			.getMethods()
			.stream()
			.flatMap((method) -> mapping.getPatternValues()
				.stream()
				.map((pattern) -> method.name() + " " + pattern + produces));
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
