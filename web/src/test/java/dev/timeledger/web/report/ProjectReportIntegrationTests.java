package dev.timeledger.web.report;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectReportIntegrationTests extends ApiTest {

	@Test
	void projectReport_totalsPerUserTaskAndWeek_withoutAmountsWhenTheProjectHasNoRate() {
		String zeus = this.world.createProject("Zeus");
		record(this.world.worker, this.world.projectId, "design", "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		record(this.world.worker, this.world.projectId, null, "2026-11-17T09:00:00Z", "2026-11-17T09:30:00Z");
		record(this.world.worker, this.world.projectId, "design", "2026-11-24T09:00:00Z", "2026-11-24T11:00:00Z");
		record(this.world.otherWorker, this.world.projectId, "build", "2026-11-16T09:00:00Z", "2026-11-16T09:45:00Z");
		Response last = record(this.world.worker, zeus, "design", "2026-11-18T09:00:00Z", "2026-11-18T10:00:00Z");

		JsonNode report = report(this.world.projectId, "", last.position());

		assertThat(report.get("projectId").asText()).isEqualTo(this.world.projectId);
		assertThat(report.get("name").asText()).isEqualTo("Apollo");
		assertThat(report.get("from").isNull()).isTrue();
		assertThat(report.get("to").isNull()).isTrue();
		assertThat(report.get("totalSeconds").asLong()).isEqualTo(15300);
		assertThat(report.get("billableSeconds").asLong()).isEqualTo(15300);
		assertThat(report.get("amounts")).isEmpty();
		assertThat(totals(report.get("byUser"))).containsExactly("olga=2700/2700", "walt=12600/12600");
		assertThat(totals(report.get("byTask"))).containsExactly("build=2700/2700", "design=10800/10800",
				"null=1800/1800");
		assertThat(totals(report.get("byWeek"))).containsExactly("2026-W47=8100/8100", "2026-W48=7200/7200");
		assertThat(report.get("byUser").get(0).get("amounts")).isEmpty();
	}

	@Test
	void projectReport_pricesEachEntryAtTheRateInForceWhenItStarted() {
		String hermes = createProject("Hermes", 100, "EUR");
		record(this.world.worker, hermes, null, "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z");
		changeRate(hermes, 120, "EUR", "2026-11-09T00:00:00Z");
		record(this.world.worker, hermes, null, "2026-11-10T09:00:00Z", "2026-11-10T10:30:00Z");
		record(this.world.worker, hermes, null, "2026-11-03T09:00:00Z", "2026-11-03T09:30:00Z");
		changeRate(hermes, 90, "USD", "2026-11-16T00:00:00Z");
		Response last = record(this.world.otherWorker, hermes, null, "2026-11-17T09:00:00Z", "2026-11-17T11:00:00Z");

		JsonNode report = report(hermes, "", last.position());

		assertThat(amounts(report.get("amounts"))).containsExactly("EUR 330.00", "USD 180.00");
		assertThat(report.get("byWeek"))
			.extracting((week) -> week.get("key").asText() + " " + String.join(",", amounts(week.get("amounts"))))
			.containsExactly("2026-W45 EUR 150.00", "2026-W46 EUR 180.00", "2026-W47 USD 180.00");
		assertThat(amounts(report.get("byUser").get(0).get("amounts"))).containsExactly("USD 180.00");
		assertThat(amounts(report.get("byUser").get(1).get("amounts"))).containsExactly("EUR 330.00");
		assertThat(amounts(report.get("byTask").get(0).get("amounts"))).containsExactly("EUR 330.00", "USD 180.00");
	}

	@Test
	void projectReport_roundsHalfUpOnlyTheSum_notEachEntry() {
		String pluto = createProject("Pluto", 1, "EUR");
		record(this.world.worker, pluto, null, "2026-11-16T09:00:00Z", "2026-11-16T09:02:33Z");
		Response last = record(this.world.worker, pluto, null, "2026-11-16T10:00:00Z", "2026-11-16T10:02:33Z");

		JsonNode report = report(pluto, "", last.position());

		assertThat(report.get("billableSeconds").asLong()).isEqualTo(306);
		assertThat(amounts(report.get("amounts"))).containsExactly("EUR 0.09");
		assertThat(amounts(report.get("byUser").get(0).get("amounts"))).containsExactly("EUR 0.09");
	}

	@Test
	void projectReport_addsNoAmountForNonBillableTime() {
		String hermes = createProject("Hermes", 100, "EUR");
		record(this.world.worker, hermes, "design", "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		Response last = this.api.post("/api/time-entries", this.world.worker, Map.of("projectId", hermes, "task",
				"support", "start", "2026-11-16T11:00:00Z", "end", "2026-11-16T13:00:00Z", "billable", false));

		JsonNode report = report(hermes, "", last.position());

		assertThat(last.status()).isEqualTo(201);
		assertThat(report.get("totalSeconds").asLong()).isEqualTo(10800);
		assertThat(report.get("billableSeconds").asLong()).isEqualTo(3600);
		assertThat(amounts(report.get("amounts"))).containsExactly("EUR 100.00");
		assertThat(totals(report.get("byTask"))).containsExactly("design=3600/3600", "support=7200/0");
		assertThat(report.get("byTask").get(1).get("amounts")).isEmpty();
	}

	@Test
	void projectReport_movesTime_whenEntriesAreAmendedOrDeleted() {
		String zeus = this.world.createProject("Zeus");
		String toZeus = record(this.world.worker, this.world.projectId, "design", "2026-11-16T09:00:00Z",
				"2026-11-16T10:00:00Z")
			.json()
			.get("entryId")
			.asText();
		String toNextWeek = record(this.world.worker, this.world.projectId, "design", "2026-11-17T09:00:00Z",
				"2026-11-17T11:00:00Z")
			.json()
			.get("entryId")
			.asText();
		String deleted = record(this.world.worker, this.world.projectId, "build", "2026-11-18T09:00:00Z",
				"2026-11-18T09:30:00Z")
			.json()
			.get("entryId")
			.asText();
		record(this.world.otherWorker, this.world.projectId, null, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		amend(toZeus, zeus, "design", "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		amend(toNextWeek, this.world.projectId, "review", "2026-11-24T09:00:00Z", "2026-11-24T11:00:00Z");
		Response deletion = this.api.delete("/api/time-entries/" + deleted, this.world.worker);
		long position = Long.parseLong(deletion.header("TimeLedger-Position"));

		JsonNode apollo = report(this.world.projectId, "", position);
		JsonNode onZeus = report(zeus, "", position);

		assertThat(deletion.status()).isEqualTo(204);
		assertThat(totals(apollo.get("byUser"))).containsExactly("olga=3600/3600", "walt=7200/7200");
		assertThat(totals(apollo.get("byTask"))).containsExactly("review=7200/7200", "null=3600/3600");
		assertThat(totals(apollo.get("byWeek"))).containsExactly("2026-W47=3600/3600", "2026-W48=7200/7200");
		assertThat(totals(onZeus.get("byUser"))).containsExactly("walt=3600/3600");
		assertThat(totals(onZeus.get("byTask"))).containsExactly("design=3600/3600");
	}

	@Test
	void projectReport_keepsTheWeeksFromTo_inclusive() {
		record(this.world.worker, this.world.projectId, null, "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z");
		record(this.world.worker, this.world.projectId, null, "2026-11-09T09:00:00Z", "2026-11-09T11:00:00Z");
		record(this.world.worker, this.world.projectId, null, "2026-11-16T09:00:00Z", "2026-11-16T12:00:00Z");
		Response last = record(this.world.worker, this.world.projectId, null, "2026-11-23T09:00:00Z",
				"2026-11-23T13:00:00Z");

		JsonNode between = report(this.world.projectId, "from=2026-W46&to=2026-W47", last.position());
		JsonNode from = report(this.world.projectId, "from=2026-W47", last.position());
		JsonNode to = report(this.world.projectId, "to=2026-W45", last.position());

		assertThat(between.get("from").asText()).isEqualTo("2026-W46");
		assertThat(between.get("to").asText()).isEqualTo("2026-W47");
		assertThat(totals(between.get("byWeek"))).containsExactly("2026-W46=7200/7200", "2026-W47=10800/10800");
		assertThat(between.get("totalSeconds").asLong()).isEqualTo(18000);
		assertThat(totals(from.get("byWeek"))).containsExactly("2026-W47=10800/10800", "2026-W48=14400/14400");
		assertThat(totals(to.get("byWeek"))).containsExactly("2026-W45=3600/3600");
	}

	@Test
	void projectCsv_hasAHeaderRow_andARowPerWeekUserAndTask() {
		String hermes = createProject("Hermes", 100, "EUR");
		record(this.world.worker, hermes, "design", "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.api.post("/api/time-entries", this.world.worker, Map.of("projectId", hermes, "task", "design", "start",
				"2026-11-17T09:00:00Z", "end", "2026-11-17T09:30:00Z", "billable", false));
		record(this.world.otherWorker, hermes, null, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		record(this.world.worker, hermes, "design", "2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z");
		Response last = record(this.world.worker, this.world.projectId, null, "2026-11-25T09:00:00Z",
				"2026-11-25T10:00:00Z");

		Response csv = csv(hermes, last.position());
		Response withoutRate = csv(this.world.projectId, last.position());

		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(Long.parseLong(csv.header("TimeLedger-Position"))).isGreaterThanOrEqualTo(last.position());
		assertThat(csv.body().split("\r\n")).containsExactly("week,userId,task,seconds,billableSeconds,amount,currency",
				"2026-W47,olga,,3600,3600,100.00,EUR", "2026-W47,walt,design,5400,3600,100.00,EUR",
				"2026-W48,walt,design,3600,3600,100.00,EUR");
		assertThat(withoutRate.body().split("\r\n"))
			.containsExactly("week,userId,task,seconds,billableSeconds,amount,currency", "2026-W48,walt,,3600,3600,,");
	}

	@Test
	void aWriteFollowedByAConsistentRead_showsTheWrite_withItsPositionInBodyAndHeader() {
		Response recorded = record(this.world.worker, this.world.projectId, null, "2026-11-16T09:00:00Z",
				"2026-11-16T10:00:00Z");

		Response report = this.api.get(
				"/api/reports/projects/" + this.world.projectId + "?consistentWith=" + recorded.position(),
				this.world.manager);

		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.position()).isGreaterThanOrEqualTo(recorded.position());
		assertThat(report.header("TimeLedger-Position")).isEqualTo(Long.toString(report.position()));
		assertThat(report.json().get("totalSeconds").asLong()).isEqualTo(3600);
	}

	@Test
	void projectReport_isForManagersAndAdmins_ofTheProjectsTenant() {
		String path = "/api/reports/projects/" + this.world.projectId;
		String admin = this.api.token(this.world.tenant, "ann", "admin");
		String foreignProject = new TestWorld(this.api, this.jdbc).projectId;

		assertThat(TestWorld.isProblem(this.api.get(path, this.world.worker), 403, "forbidden")).isTrue();
		assertThat(TestWorld.isProblem(
				this.api.send(this.api.request(path, this.world.worker).header("Accept", "text/csv").GET()), 403,
				"forbidden"))
			.isTrue();
		assertThat(this.api.get(path, admin).status()).isEqualTo(200);
		assertThat(this.api.get(path, this.world.manager).status()).isEqualTo(200);
		assertThat(TestWorld.isProblem(this.api.get("/api/reports/projects/nope", this.world.manager), 404,
				"project-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.get("/api/reports/projects/" + foreignProject, this.world.manager), 404,
				"project-not-found"))
			.isTrue();
		assertThat(TestWorld
			.isProblem(this.api.send(this.api.request("/api/reports/projects/" + foreignProject, this.world.manager)
				.header("Accept", "text/csv")
				.GET()), 404, "project-not-found"))
			.isTrue();
	}

	@Test
	void projectReport_answers400_forBadWeeksOrFromAfterTo() {
		String path = "/api/reports/projects/" + this.world.projectId;

		assertThat(TestWorld.isProblem(this.api.get(path + "?from=2026-W99", this.world.manager), 400,
				"validation-failed"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.get(path + "?to=W47", this.world.manager), 400, "validation-failed"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.get(path + "?from=2026-W48&to=2026-W47", this.world.manager), 400,
				"validation-failed"))
			.isTrue();
		assertThat(this.api.get(path + "?from=2026-W47&to=2026-W47", this.world.manager).status()).isEqualTo(200);
	}

	private String createProject(String name, int rate, String currency) {
		Response created = this.api.post("/api/projects", this.world.manager,
				Map.of("name", name, "hourlyRate", Map.of("amount", rate, "currency", currency)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("projectId").asText();
	}

	private void changeRate(String projectId, int rate, String currency, String effectiveFrom) {
		Response changed = this.api.patch("/api/projects/" + projectId, this.world.manager,
				Map.of("hourlyRate", Map.of("amount", rate, "currency", currency, "effectiveFrom", effectiveFrom)));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
	}

	private Response record(String token, String projectId, String task, String start, String end) {
		Map<String, Object> body = new HashMap<>(Map.of("projectId", projectId, "start", start, "end", end));
		if (task != null) {
			body.put("task", task);
		}
		Response recorded = this.api.post("/api/time-entries", token, body);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		return recorded;
	}

	private void amend(String entryId, String projectId, String task, String start, String end) {
		Response amended = this.api.put("/api/time-entries/" + entryId, this.world.worker,
				Map.of("projectId", projectId, "task", task, "start", start, "end", end));
		assertThat(amended.status()).as(amended.body()).isEqualTo(200);
	}

	private JsonNode report(String projectId, String weeks, long position) {
		Response report = this.api.get(
				"/api/reports/projects/" + projectId + "?" + weeks + "&consistentWith=" + position, this.world.manager);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.position()).isGreaterThanOrEqualTo(position);
		return report.json();
	}

	private Response csv(String projectId, long position) {
		return this.api.send(this.api
			.request("/api/reports/projects/" + projectId + "?consistentWith=" + position, this.world.manager)
			.header("Accept", "text/csv")
			.GET());
	}

	private static java.util.List<String> totals(JsonNode totals) {
		return java.util.stream.StreamSupport.stream(totals.spliterator(), false)
			.map((total) -> total.get("key").asText("null") + "=" + total.get("seconds").asLong() + "/"
					+ total.get("billableSeconds").asLong())
			.toList();
	}

	private static java.util.List<String> amounts(JsonNode amounts) {
		return java.util.stream.StreamSupport.stream(amounts.spliterator(), false)
			.map((amount) -> amount.get("currency").asText() + " "
					+ amount.get("amount").decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY))
			.toList();
	}

}
