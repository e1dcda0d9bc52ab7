package dev.timeledger.web.security;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.query.changelog.Destinations;
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
 * case here.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTests {

	/** A past week of A's: worked, submitted and annotated. */
	private static final String WEEK = "2026-W45";

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** Endpoints that hold no tenant's data, and why. */
	private static final Map<String, String> NOT_TENANT_SCOPED = Map.of("POST /api/dev/tokens",
			"local mode only: development tokens for any tenant, by design", "GET /api/dev/demo",
			"local mode only: the demo tenant's sign-in choices, no token", "POST /api/dev/demo",
			"local mode only: loads the demo tenant, no token");

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
		assertThat(this.api.post("/api/timesheets/me/" + WEEK + "/submission", a.worker, null).status()).isEqualTo(200);
		assertThat(this.api.post("/api/timesheets/walt/" + WEEK + "/annotations", a.manager, Map.of("text", secret))
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
	@MethodSource("cases")
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
		Set<String> covered = cases().map(Case::endpoint).collect(Collectors.toCollection(TreeSet::new));
		covered.addAll(NOT_TENANT_SCOPED.keySet());

		assertThat(covered).containsExactlyElementsOf(endpoints);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("destinations")
	void anotherTenantsDestination_isRefused_andDeliversNothing(Subscription subscription) throws Exception {
		String destination = "/topic/" + subscription.destination().apply(this.victim);
		String intruderToken = subscription.subscriber().apply(this.intruder);

		try (StompTestClient client = StompTestClient.connect(this.port, intruderToken)) {
			BlockingQueue<JsonNode> messages = client.subscribe(destination, 0L);
			assertThat(client.awaitClosed(WAIT)).isTrue();
			assertThat(client.errors()).anySatisfy((error) -> assertThat(error).startsWith("forbidden"));
			assertThat(StompTestClient.next(messages, Duration.ofMillis(300))).isNull();
		}
		try (StompTestClient owner = StompTestClient.connect(this.port,
				subscription.subscriber().apply(this.victim.world()))) {
			BlockingQueue<JsonNode> messages = owner
				.subscribe("/topic/" + subscription.destination().apply(this.victim), 0L);
			assertThat(StompTestClient.next(messages, WAIT)).as("the owner's backlog").isNotNull();
		}
	}

	@Test
	void everyDestinationKind_hasACrossTenantCase() {
		Set<String> kinds = Arrays.stream(Destinations.class.getFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.map(TenantIsolationIntegrationTests::value)
			.collect(Collectors.toCollection(TreeSet::new));

		Set<String> covered = destinations().map(Subscription::kind).collect(Collectors.toCollection(TreeSet::new));

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

	static Stream<Case> cases() {
		String sheet = "/api/timesheets/walt/" + WEEK;
		String entry = "{\"projectId\":\"%s\",\"start\":\"2026-11-03T09:00:00Z\",\"end\":\"2026-11-03T10:00:00Z\"}";
		return Stream.of(
				own("POST /api/projects", 201, 1, null,
						(x) -> x.api().post("/api/projects", x.b().manager, Map.of("name", "Mine"))),
				own("GET /api/projects", 200, 0, (b) -> b.projectId, (x) -> x.api().get("/api/projects", x.b().worker)),
				refused("GET /api/projects/{projectId}", 404, "project-not-found",
						(x) -> x.api().get("/api/projects/" + x.a().projectId, x.b().worker)),
				refused("PATCH /api/projects/{projectId}", 404, "project-not-found",
						(x) -> x.api()
							.patch("/api/projects/" + x.a().projectId, x.b().manager, Map.of("name", "mine"))),
				refused("POST /api/time-entries/start", 404, "project-not-found",
						(x) -> x.api()
							.post("/api/time-entries/start", x.b().worker, Map.of("projectId", x.a().projectId))),
				refused("POST /api/time-entries/stop", 409, "no-running-timer",
						(x) -> x.api().post("/api/time-entries/stop", x.b().worker, null)),
				own("GET /api/time-entries/running", 204, 0, null,
						(x) -> x.api().get("/api/time-entries/running", x.b().worker)),
				refused("DELETE /api/time-entries/running", 409, "no-running-timer",
						(x) -> x.api().delete("/api/time-entries/running", x.b().worker)),
				refused("POST /api/time-entries", 404, "project-not-found",
						(x) -> x.api().post("/api/time-entries", x.b().worker, entry.formatted(x.a().projectId))),
				refused("PUT /api/time-entries/{entryId}", 404, "entry-not-found", (x) -> x.api()
					.put("/api/time-entries/" + x.victim().entryId(), x.b().worker, entry.formatted(x.b().projectId))),
				refused("DELETE /api/time-entries/{entryId}", 404, "entry-not-found",
						(x) -> x.api().delete("/api/time-entries/" + x.victim().entryId(), x.b().worker)),
				own("POST /api/timesheets/{userId}/{week}/submission", 200, 1, null,
						(x) -> x.api().post(sheet + "/submission", x.b().worker, null)),
				refused("POST /api/timesheets/{userId}/{week}/approval", 404, "timesheet-not-found",
						(x) -> x.api().post(sheet + "/approval", x.b().manager, Map.of())),
				refused("POST /api/timesheets/{userId}/{week}/rejection", 404, "timesheet-not-found",
						(x) -> x.api().post(sheet + "/rejection", x.b().manager, Map.of("reason", "peek"))),
				refused("POST /api/timesheets/{userId}/{week}/reopening", 404, "timesheet-not-found",
						(x) -> x.api().post(sheet + "/reopening", x.b().manager, Map.of("reason", "peek"))),
				refused("POST /api/timesheets/{userId}/{week}/annotations", 404, "timesheet-not-found",
						(x) -> x.api().post(sheet + "/annotations", x.b().manager, Map.of("text", "peek"))),
				own("GET /api/timesheets/{userId}/{week}", 200, 0, null, (x) -> x.api().get(sheet, x.b().manager)),
				own("GET /api/timesheets/{userId}/{week}", 200, 0, null,
						(x) -> x.api().get(sheet + "?asOf=" + Instant.now(), x.b().manager)),
				own("GET /api/timesheets/{userId}/{week}/history", 200, 0, null,
						(x) -> x.api().get(sheet + "/history", x.b().manager)),
				own("GET /api/reports/weekly", 200, 0, null,
						(x) -> x.api().get("/api/reports/weekly?user=walt&week=" + WEEK, x.b().manager)),
				own("GET /api/reports/weekly text/csv", 200, 0, null,
						(x) -> csv(x, "/api/reports/weekly?user=walt&week=" + WEEK)),
				own("GET /api/reports/team-weekly", 200, 0, null,
						(x) -> x.api().get("/api/reports/team-weekly?week=" + WEEK, x.b().manager)),
				own("GET /api/reports/team-weekly text/csv", 200, 0, null,
						(x) -> csv(x, "/api/reports/team-weekly?week=" + WEEK)),
				refused("GET /api/reports/projects/{projectId}", 404, "project-not-found",
						(x) -> x.api().get("/api/reports/projects/" + x.a().projectId, x.b().manager)),
				refused("GET /api/reports/projects/{projectId} text/csv", 404, "project-not-found",
						(x) -> csv(x, "/api/reports/projects/" + x.a().projectId)),
				own("GET /api/events", 200, 0, (b) -> b.projectId, (x) -> x.api().get("/api/events", x.integration())),
				own("GET /api/events/stream text/event-stream", 200, 0, (b) -> b.projectId,
						(x) -> x.api().stream(x.api().request("/api/events/stream", x.integration()).GET(), 1, WAIT)),
				refused("GET /api/admin/projections", 403, "forbidden",
						(x) -> x.api().get("/api/admin/projections", x.b().manager)),
				refused("POST /api/admin/projections/{name}/rebuild", 403, "forbidden",
						(x) -> x.api().post("/api/admin/projections/weekly-report/rebuild", x.b().manager, null)),
				refused("POST /api/admin/projections/{name}/switch", 403, "forbidden",
						(x) -> x.api().post("/api/admin/projections/weekly-report/switch", x.b().manager, null)),
				refused("GET /api/admin/parked-events", 403, "forbidden",
						(x) -> x.api().get("/api/admin/parked-events", x.b().manager)),
				refused("POST /api/admin/parked-events/releases", 403, "forbidden",
						(x) -> x.api()
							.post("/api/admin/parked-events/releases", x.b().manager,
									Map.of("projection", "weekly-report", "sequence", "any"))));
	}

	static Stream<Subscription> destinations() {
		Function<TestWorld, String> worker = (world) -> world.worker;
		Function<TestWorld, String> manager = (world) -> world.manager;
		return Stream.of(
				new Subscription(Destinations.WEEKLY, Destinations.WEEKLY, worker,
						(a) -> Destinations.weeklyReport(a.world().tenant, "walt", WEEK)),
				new Subscription(Destinations.TIMESHEET, Destinations.TIMESHEET, worker,
						(a) -> Destinations.timesheet(a.world().tenant, "walt", WEEK)),
				new Subscription(Destinations.TEAM, Destinations.TEAM, manager,
						(a) -> Destinations.teamWeeklyReport(a.world().tenant, WEEK)),
				new Subscription(Destinations.PROJECT, Destinations.PROJECT, manager,
						(a) -> Destinations.projectReport(a.world().tenant, a.world().projectId)),
				new Subscription(Destinations.TEAM + ", tenant percent-encoded", Destinations.TEAM, manager,
						(a) -> "tenants/" + percentEncodeEvery(a.world().tenant) + "/team-weekly-reports/" + WEEK));
	}

	private static Case own(String endpoint, int status, int stores, Function<TestWorld, String> ownMarker,
			Function<Attack, Response> call) {
		return new Case(endpoint, status, null, stores, ownMarker, call);
	}

	private static Case refused(String endpoint, int status, String code, Function<Attack, Response> call) {
		return new Case(endpoint, status, code, 0, null, call);
	}

	private static Response csv(Attack attack, String path) {
		return attack.api().send(attack.api().request(path, attack.b().manager).header("Accept", "text/csv").GET());
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

	private static String percentEncodeEvery(String text) {
		return text.chars().mapToObj((c) -> String.format("%%%02X", c)).collect(Collectors.joining());
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Tenant A's data.
	 *
	 * @param world its users and project
	 * @param entryId an entry of walt's in {@link #WEEK}
	 * @param secret the description and annotation of that week: never in B's answers
	 */
	record Victim(TestWorld world, String entryId, String secret) {
	}

	/**
	 * What an attack needs.
	 *
	 * @param api the HTTP client
	 * @param victim tenant A
	 * @param b tenant B
	 */
	record Attack(ApiClient api, Victim victim, TestWorld b) {

		TestWorld a() {
			return this.victim.world();
		}

		String integration() {
			return this.api.token(this.b.tenant, "ivy", "integration");
		}

	}

	/**
	 * One endpoint aimed at A by B.
	 *
	 * @param endpoint the method, path pattern and, where a mapping has one, media type
	 * @param status the status B gets
	 * @param code the problem code of a refusal; null when B gets its own data
	 * @param stores the events the call stores in B
	 * @param ownMarker what B's own data must show, null for nothing in particular
	 * @param call the request
	 */
	record Case(String endpoint, int status, String code, int stores, Function<TestWorld, String> ownMarker,
			Function<Attack, Response> call) {

		@Override
		public String toString() {
			return this.endpoint + " -> " + this.status + ((this.code != null) ? " " + this.code : " own data");
		}

	}

	/**
	 * One destination of A, and the user of B who could subscribe to it in A.
	 *
	 * @param name the case's name
	 * @param kind the destination kind
	 * @param subscriber B's user (or, for the control, A's)
	 * @param destination the destination without {@code /topic/}
	 */
	record Subscription(String name, String kind, Function<TestWorld, String> subscriber,
			Function<Victim, String> destination) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
