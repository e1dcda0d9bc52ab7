package dev.timeledger.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.timeledger.query.changelog.Destinations;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.TestWorld;

/**
 * The cross-tenant cases of {@link TenantIsolationIntegrationTests}: every API endpoint
 * and every live destination kind of tenant A, aimed at by tenant B, with the answer B
 * must get. A new endpoint or destination kind needs a case here.
 */
final class CrossTenantCases {

	/** A past week of A's: worked, submitted and annotated. */
	static final String WEEK = "2026-W45";

	static final Duration WAIT = Duration.ofSeconds(10);

	/** Endpoints that hold no tenant's data, and why. */
	static final Map<String, String> NOT_TENANT_SCOPED = Map.of("POST /api/dev/tokens",
			"local mode only: development tokens for any tenant, by design", "GET /api/dev/demo",
			"local mode only: the demo tenant's sign-in choices, no token", "POST /api/dev/demo",
			"local mode only: loads the demo tenant, no token");

	private CrossTenantCases() {
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
				refused("GET /api/timesheets/{userId}/{week}", 404, "timesheet-not-found",
						(x) -> x.api().get(sheet, x.b().manager)),
				refused("GET /api/timesheets/{userId}/{week}", 404, "timesheet-not-found",
						(x) -> x.api().get(sheet + "?asOf=" + Instant.now(), x.b().manager)),
				refused("GET /api/timesheets/{userId}/{week}/history", 404, "timesheet-not-found",
						(x) -> x.api().get(sheet + "/history", x.b().manager)),
				refused("GET /api/reports/weekly", 404, "timesheet-not-found",
						(x) -> x.api().get("/api/reports/weekly?user=walt&week=" + WEEK, x.b().manager)),
				refused("GET /api/reports/weekly text/csv", 404, "timesheet-not-found",
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

	private static String percentEncodeEvery(String text) {
		return text.chars().mapToObj((c) -> String.format("%%%02X", c)).collect(Collectors.joining());
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
