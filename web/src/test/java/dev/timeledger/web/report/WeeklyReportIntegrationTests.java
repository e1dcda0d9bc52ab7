package dev.timeledger.web.report;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyReportIntegrationTests extends ApiTest {

	@Test
	void aWriteFollowedByAConsistentRead_showsTheWrite() {
		Response recorded = this.world.record(this.world.worker, "2026-11-17T22:30:00Z", "2026-11-18T01:00:00Z");

		Response report = this.api.get("/api/reports/weekly?week=2026-W47&consistentWith=" + recorded.position(),
				this.world.worker);

		assertThat(report.status()).as(report.body()).isEqualTo(200);
		JsonNode body = report.json();
		assertThat(body.get("position").asLong()).isGreaterThanOrEqualTo(recorded.position());
		assertThat(body.get("totalSeconds").asLong()).isEqualTo(9000);
		assertThat(body.get("days").get(1).get("date").asText()).isEqualTo("2026-11-17");
		assertThat(body.get("days").get(1).get("seconds").asLong()).isEqualTo(5400);
		assertThat(body.get("days").get(2).get("seconds").asLong()).isEqualTo(3600);
		assertThat(body.get("projects").get(0).get("name").asText()).isEqualTo("Apollo");
		assertThat(body.get("entries")).hasSize(1);
		assertThat(body.get("status").asText()).isEqualTo("open");
	}

	@Test
	void anAmendmentMovesTimeBetweenWeeks() {
		String entryId = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		Response amended = this.api.put("/api/time-entries/" + entryId, this.world.worker, Map.of("projectId",
				this.world.projectId, "start", "2026-11-24T09:00:00Z", "end", "2026-11-24T11:00:00Z"));

		JsonNode before = this.api
			.get("/api/reports/weekly?week=2026-W47&consistentWith=" + amended.position(), this.world.worker)
			.json();
		JsonNode after = this.api
			.get("/api/reports/weekly?week=2026-W48&consistentWith=" + amended.position(), this.world.worker)
			.json();

		assertThat(before.get("totalSeconds").asLong()).isZero();
		assertThat(after.get("totalSeconds").asLong()).isEqualTo(7200);
	}

	@Test
	void weeklyCsv_hasAHeaderRowAndOneRowPerEntry() {
		Response recorded = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		Response csv = this.api.send(this.api
			.request("/api/reports/weekly?week=2026-W47&consistentWith=" + recorded.position(), this.world.worker)
			.header("Accept", "text/csv")
			.GET());

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).startsWith("userId,week,entryId,projectId,project");
		assertThat(lines).hasSize(2);
		assertThat(lines[1]).contains("walt,2026-W47").contains("Apollo").contains(",3600,true");
	}

	@Test
	void othersWeeks_areForManagersOnly() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		assertThat(TestWorld.isProblem(
				this.api.get("/api/reports/weekly?user=walt&week=2026-W47", this.world.otherWorker), 403, "forbidden"))
			.isTrue();
		assertThat(this.api.get("/api/reports/weekly?user=walt&week=2026-W47", this.world.manager).status())
			.isEqualTo(200);
	}

	@Test
	void anotherUsersWeek_isNotFound_untilTheTenantHasAnEventOfThatUser() {
		Response unknown = this.api.get("/api/reports/weekly?user=walt&week=2026-W48", this.world.manager);
		Response unknownCsv = this.api
			.send(this.api.request("/api/reports/weekly?user=walt&week=2026-W48", this.world.manager)
				.header("Accept", "text/csv")
				.GET());
		Response own = this.api.get("/api/reports/weekly?week=2026-W48", this.world.worker);
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		Response known = this.api.get("/api/reports/weekly?user=walt&week=2026-W48", this.world.manager);

		assertThat(TestWorld.isProblem(unknown, 404, "timesheet-not-found")).as(unknown.body()).isTrue();
		assertThat(TestWorld.isProblem(unknownCsv, 404, "timesheet-not-found")).as(unknownCsv.body()).isTrue();
		assertThat(own.status()).as("a worker's own week before its first write").isEqualTo(200);
		assertThat(own.json().get("entries")).isEmpty();
		assertThat(known.status()).as("without waiting for the projection").isEqualTo(200);
		assertThat(known.json().get("userId").asText()).isEqualTo("walt");
	}

}
