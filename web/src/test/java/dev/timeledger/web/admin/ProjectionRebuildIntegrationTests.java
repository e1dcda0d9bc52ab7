package dev.timeledger.web.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.Projections;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild fills a new version from the first event while the live one serves and keeps
 * up; the switch is atomic and drops the old version.
 */
class ProjectionRebuildIntegrationTests extends ApiTest {

	@Test
	void rebuildUnderLoad_equalsTheLiveVersionRowForRow_andSwitchesAtomically() throws Exception {
		String operator = this.api.token(this.world.tenant, "otto", "operator");
		seed();
		int liveBefore = projection(operator, "weekly-report").get("version").asInt();
		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicInteger written = new AtomicInteger();
		CompletableFuture<Void> load = CompletableFuture.runAsync(() -> load(loading, written));

		Response rebuild = this.api.post("/api/admin/projections/weekly-report/rebuild?switch=manual", operator, null);
		assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
		int rebuilt = rebuild.json().get("version").asInt();
		assertThat(rebuilt).isEqualTo(liveBefore + 1);
		for (int i = 0; i < 10; i++) {
			assertThat(this.api.get("/api/reports/weekly?week=2026-W46", this.world.worker).status()).isEqualTo(200);
			Thread.sleep(100);
		}
		loading.set(false);
		load.get();
		assertThat(written.get()).isPositive();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode status = projection(operator, "weekly-report");
			long head = this.jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
			assertThat(status.get("position").asLong()).isEqualTo(head);
			assertThat(status.get("rebuild").get("eventsDone").asLong()).isEqualTo(head);
		});
		for (String table : Projections.WEEKLY_REPORT_COLUMNS.keySet()) {
			assertThat(count(table, liveBefore)).as(table).isPositive();
			assertThat(difference(table, liveBefore, rebuilt)).as(table + " live minus rebuilt").isZero();
			assertThat(difference(table, rebuilt, liveBefore)).as(table + " rebuilt minus live").isZero();
		}
		JsonNode before = this.api.get("/api/reports/weekly?week=2026-W46", this.world.worker).json();

		Response switched = this.api.post("/api/admin/projections/weekly-report/switch", operator, null);

		assertThat(switched.status()).as(switched.body()).isEqualTo(200);
		assertThat(switched.json().get("version").asInt()).isEqualTo(rebuilt);
		assertThat(switched.json().get("status").asText()).isEqualTo("live");
		assertThat(this.jdbc.sql("SELECT to_regclass('weekly_entry_v" + liveBefore + "')::text")
			.query(String.class)
			.optional()).isEmpty();
		JsonNode after = this.api.get("/api/reports/weekly?week=2026-W46", this.world.worker).json();
		assertThat(after.get("entries")).isEqualTo(before.get("entries"));
		assertThat(after.get("totalSeconds")).isEqualTo(before.get("totalSeconds"));
	}

	@Test
	void anAutomaticRebuild_goesLiveByItself_withTheSameAnswers() {
		String operator = this.api.token(this.world.tenant, "otto", "operator");
		seed();
		Response last = this.api.post("/api/timesheets/me/2026-W46/submission", this.world.worker, null);
		assertThat(last.status()).as(last.body()).isEqualTo(200);
		Response read = this.api.get("/api/timesheets/walt/2026-W46?consistentWith=" + last.position(),
				this.world.manager);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode before = read.json();
		int liveBefore = projection(operator, "timesheet").get("version").asInt();

		assertThat(this.api.post("/api/admin/projections/timesheet/rebuild", operator, null).status()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(projection(operator, "timesheet").get("version").asInt())
				.isEqualTo(liveBefore + 1));
		JsonNode after = this.api.get("/api/timesheets/walt/2026-W46", this.world.manager).json();
		assertThat(after.get("entries")).isEqualTo(before.get("entries"));
		assertThat(after.get("decisions")).isEqualTo(before.get("decisions"));
		assertThat(after.get("status").asText()).isEqualTo("submitted");
	}

	@Test
	void onlyOneRebuildAtATime_onlyForOperators_onlyOfKnownProjections() {
		String operator = this.api.token(this.world.tenant, "otto", "operator");

		Response first = this.api.post("/api/admin/projections/weekly-report/rebuild?switch=manual", operator, null);
		Response second = this.api.post("/api/admin/projections/weekly-report/rebuild", operator, null);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.post("/api/admin/projections/weekly-report/switch", operator, null).status() == 200);

		assertThat(first.status()).isEqualTo(202);
		assertThat(TestWorld.isProblem(second, 409, "rebuild-running")).as(second.body()).isTrue();
		assertThat(TestWorld.isProblem(
				this.api.post("/api/admin/projections/weekly-report/rebuild", this.world.manager, null), 403,
				"forbidden"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.get("/api/admin/projections", this.world.manager), 403, "forbidden"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.post("/api/admin/projections/nope/rebuild", operator, null), 404,
				"projection-not-found"))
			.isTrue();
	}

	private void seed() {
		Instant monday = Instant.parse("2026-11-09T08:00:00Z");
		for (int i = 0; i < 12; i++) {
			Instant start = monday.plusSeconds(7200L * i);
			this.world.record((i % 2 == 0) ? this.world.worker : this.world.otherWorker, start.toString(),
					start.plusSeconds(3600).toString());
		}
		this.api.post("/api/timesheets/me/2026-W46/submission", this.world.otherWorker, null);
		this.api.post("/api/time-entries/start", this.world.otherWorker, Map.of("projectId", this.world.projectId));
	}

	private void load(AtomicBoolean loading, AtomicInteger written) {
		Instant base = Instant.parse("2026-10-05T06:00:00Z");
		for (int i = 0; i < 200 && loading.get(); i++) {
			Instant start = base.plusSeconds(3600L * i);
			Response response = this.world.record(this.world.worker, start.toString(),
					start.plusSeconds(1800).toString());
			if (response.status() == 201 && i % 3 == 0) {
				this.api.delete("/api/time-entries/" + response.json().get("entryId").asText(), this.world.worker);
			}
			written.incrementAndGet();
		}
	}

	private JsonNode projection(String operator, String name) {
		return Projections.status(this.api, operator, name);
	}

	private long count(String table, int version) {
		return Projections.rows(this.jdbc, table, version);
	}

	private long difference(String table, int minuend, int subtrahend) {
		return Projections.difference(this.jdbc, table, minuend, subtrahend);
	}

}
