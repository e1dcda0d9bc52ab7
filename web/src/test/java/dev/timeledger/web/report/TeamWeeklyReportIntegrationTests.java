package dev.timeledger.web.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TeamWeeklyReportIntegrationTests extends ApiTest {

	private static final String W47 = "/api/reports/team-weekly?week=2026-W47";

	private static final String W48 = "/api/reports/team-weekly?week=2026-W48";

	@Test
	void teamWeekly_listsEveryMemberByUserId_alsoOneWithoutTimeThatWeek() {
		this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T11:00:00Z");
		Response otherWeek = this.world.record(this.world.otherWorker, "2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z");
		TestWorld foreign = new TestWorld(this.api, this.jdbc);
		Response foreignWrite = foreign.record(foreign.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		JsonNode report = read(W47, Math.max(otherWeek.position(), foreignWrite.position()));

		assertThat(report.get("week").asText()).isEqualTo("2026-W47");
		assertThat(report.get("rows")).extracting((row) -> row.get("userId").asText()).containsExactly("olga", "walt");
		JsonNode olga = report.get("rows").get(0);
		assertThat(olga.get("totalSeconds").asLong()).isZero();
		assertThat(olga.get("status").asText()).isEqualTo("open");
		assertThat(olga.get("days")).hasSize(7).allSatisfy((day) -> assertThat(day.get("seconds").asLong()).isZero());
		JsonNode walt = report.get("rows").get(1);
		assertThat(walt.get("days").get(0).get("date").asText()).isEqualTo("2026-11-16");
		assertThat(walt.get("days").get(0).get("seconds").asLong()).isEqualTo(7200);
		assertThat(walt.get("totalSeconds").asLong()).isEqualTo(7200);
		assertThat(report.get("totalSeconds").asLong()).isEqualTo(7200);
	}

	@Test
	void teamWeekly_countsDaysInTheZoneOfTheEntry_whenTheWorkerIsNotInUtc() {
		String berlin = this.api.tokenInZone(this.world.tenant, "bert", "Europe/Berlin", "worker");
		this.world.record(this.world.worker, "2026-11-17T22:30:00Z", "2026-11-18T01:00:00Z");
		this.world.record(berlin, "2026-11-17T22:30:00Z", "2026-11-18T01:00:00Z");
		Response mondayInBerlin = this.world.record(berlin, "2026-11-22T23:30:00Z", "2026-11-23T00:30:00Z");

		JsonNode w47 = read(W47, mondayInBerlin.position());
		JsonNode w48 = read(W48, mondayInBerlin.position());

		JsonNode bert = w47.get("rows").get(0);
		assertThat(bert.get("userId").asText()).isEqualTo("bert");
		assertThat(seconds(bert.get("days"))).containsExactly(0L, 1800L, 7200L, 0L, 0L, 0L, 0L);
		assertThat(seconds(w47.get("rows").get(1).get("days"))).containsExactly(0L, 5400L, 3600L, 0L, 0L, 0L, 0L);
		assertThat(seconds(w47.get("totals"))).containsExactly(0L, 7200L, 10800L, 0L, 0L, 0L, 0L);
		assertThat(w47.get("totals").get(6).get("date").asText()).isEqualTo("2026-11-22");
		assertThat(w47.get("totalSeconds").asLong()).isEqualTo(18000);
		assertThat(seconds(w48.get("rows").get(0).get("days"))).containsExactly(3600L, 0L, 0L, 0L, 0L, 0L, 0L);
	}

	@Test
	void teamWeekly_showsEachWorkersStatus_afterSubmitApproveRejectAndReopen() {
		this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.world.record(this.world.otherWorker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		String ada = this.api.token(this.world.tenant, "ada", "worker");
		this.world.record(ada, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		String ben = this.api.token(this.world.tenant, "ben", "worker");
		this.world.record(ben, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		String cy = this.api.token(this.world.tenant, "cy", "worker");
		this.world.record(cy, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.api.post("/api/timesheets/me/2026-W47/submission", cy, null);
		this.api.post("/api/timesheets/me/2026-W47/submission", this.world.worker, null);
		this.api.post("/api/timesheets/me/2026-W47/submission", this.world.otherWorker, null);
		this.api.post("/api/timesheets/me/2026-W47/submission", ada, null);
		Response approved = this.api.post("/api/timesheets/olga/2026-W47/approval", this.world.manager, null);
		Response rejected = this.api.post("/api/timesheets/ada/2026-W47/rejection", this.world.manager,
				Map.of("reason", "Tuesday missing"));
		Response reopened = this.api.post("/api/timesheets/cy/2026-W47/reopening", this.world.manager,
				Map.of("reason", "typo"));

		JsonNode report = read(W47, Math.max(approved.position(), Math.max(rejected.position(), reopened.position())));

		assertThat(report.get("rows"))
			.extracting((row) -> row.get("userId").asText() + ":" + row.get("status").asText())
			.containsExactly("ada:rejected", "ben:open", "cy:reopened", "olga:approved", "walt:submitted");
		assertThat(read(W48, reopened.position()).get("rows")).extracting((row) -> row.get("status").asText())
			.containsOnly("open");
	}

	@Test
	void teamWeekly_movesTime_whenEntriesAreAmendedOrDeleted() {
		String moved = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		String toNextWeek = this.world.recordEntry("2026-11-17T09:00:00Z", "2026-11-17T11:00:00Z");
		String deleted = this.world.recordEntry("2026-11-18T09:00:00Z", "2026-11-18T12:00:00Z");
		amend(moved, "2026-11-20T09:00:00Z", "2026-11-20T09:30:00Z");
		amend(toNextWeek, "2026-11-24T09:00:00Z", "2026-11-24T11:00:00Z");
		Response deletion = this.api.delete("/api/time-entries/" + deleted, this.world.worker);
		long position = Long.parseLong(deletion.header("TimeLedger-Position"));

		JsonNode w47 = read(W47, position).get("rows").get(0);
		JsonNode w48 = read(W48, position).get("rows").get(0);

		assertThat(deletion.status()).isEqualTo(204);
		assertThat(seconds(w47.get("days"))).containsExactly(0L, 0L, 0L, 0L, 1800L, 0L, 0L);
		assertThat(w47.get("totalSeconds").asLong()).isEqualTo(1800);
		assertThat(seconds(w48.get("days"))).containsExactly(0L, 7200L, 0L, 0L, 0L, 0L, 0L);
	}

	@Test
	void aWriteFollowedByAConsistentRead_showsTheWrite_withItsPositionInBodyAndHeader() {
		Response recorded = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		Response report = this.api.get(W47 + "&consistentWith=" + recorded.position(), this.world.manager);

		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.position()).isGreaterThanOrEqualTo(recorded.position());
		assertThat(report.header("TimeLedger-Position")).isEqualTo(Long.toString(report.position()));
		assertThat(report.json().get("rows").get(0).get("totalSeconds").asLong()).isEqualTo(3600);
	}

	@Test
	void teamWeeklyCsv_hasAHeaderRowWithTheDates_andARowPerMember() {
		this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.world.record(this.world.otherWorker, "2026-11-22T09:00:00Z", "2026-11-22T09:15:00Z");
		Response submitted = this.api.post("/api/timesheets/me/2026-W47/submission", this.world.worker, null);

		Response csv = this.api
			.send(this.api.request(W47 + "&consistentWith=" + submitted.position(), this.world.manager)
				.header("Accept", "text/csv")
				.GET());

		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("TimeLedger-Position")).isNotNull();
		assertThat(csv.body().split("\r\n")).containsExactly(
				"userId,status,2026-11-16,2026-11-17,2026-11-18,2026-11-19,2026-11-20,2026-11-21,2026-11-22,"
						+ "totalSeconds",
				"olga,open,0,0,0,0,0,0,900,900", "walt,submitted,3600,0,0,0,0,0,0,3600");
	}

	@Test
	void teamWeekly_isForManagersOnly_andNeedsAnIsoWeek() {
		String admin = this.api.token(this.world.tenant, "ann", "admin");

		assertThat(TestWorld.isProblem(this.api.get(W47, this.world.worker), 403, "forbidden")).isTrue();
		assertThat(TestWorld.isProblem(this.api.get(W47, admin), 403, "forbidden")).isTrue();
		assertThat(TestWorld.isProblem(
				this.api.send(this.api.request(W47, this.world.worker).header("Accept", "text/csv").GET()), 403,
				"forbidden"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.get("/api/reports/team-weekly?week=2026-47", this.world.manager), 400,
				"validation-failed"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.get("/api/reports/team-weekly?week=2026-W54", this.world.manager), 400,
				"validation-failed"))
			.isTrue();
		assertThat(this.api.get(W47, this.world.manager).status()).isEqualTo(200);
	}

	private JsonNode read(String path, long position) {
		Response report = this.api.get(path + "&consistentWith=" + position, this.world.manager);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.position()).isGreaterThanOrEqualTo(position);
		return report.json();
	}

	private void amend(String entryId, String start, String end) {
		Response amended = this.api.put("/api/time-entries/" + entryId, this.world.worker,
				Map.of("projectId", this.world.projectId, "start", start, "end", end));
		assertThat(amended.status()).as(amended.body()).isEqualTo(200);
	}

	private static List<Long> seconds(JsonNode days) {
		assertThat(days).hasSize(7);
		return java.util.stream.StreamSupport.stream(days.spliterator(), false)
			.map((day) -> day.get("seconds").asLong())
			.toList();
	}

}
