package dev.timeledger.web.timetracking;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeTrackingIntegrationTests extends ApiTest {

	@Test
	void startThenStop_recordsTheEntry_withPositionsInBodyAndHeader() {
		Instant startedAt = Instant.now().minus(Duration.ofMinutes(42)).truncatedTo(ChronoUnit.SECONDS);
		Response started = this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "task", "design", "at", startedAt.toString()));
		assertThat(started.status()).isEqualTo(201);
		assertThat(started.json().get("startedAt").asText()).isEqualTo(startedAt.toString());
		assertThat(started.header("TimeLedger-Position")).isEqualTo(String.valueOf(started.position()));

		Response running = this.api.get("/api/time-entries/running", this.world.worker);
		assertThat(running.status()).isEqualTo(200);
		assertThat(running.json().get("entryId").asText()).isEqualTo(started.json().get("entryId").asText());
		assertThat(running.json().get("startedAt").asText()).isEqualTo(startedAt.toString());

		Response stopped = this.api.post("/api/time-entries/stop", this.world.worker, null);
		assertThat(stopped.status()).isEqualTo(200);
		assertThat(stopped.json().get("entryId").asText()).isEqualTo(started.json().get("entryId").asText());
		assertThat(stopped.json().get("durationSeconds").asLong()).isBetween(42 * 60L, 43 * 60L);
		assertThat(stopped.position()).isGreaterThan(started.position());

		assertThat(this.api.get("/api/time-entries/running", this.world.worker).status()).isEqualTo(204);
		JsonNode recorded = json(this.world.payloads("TimeEntryRecorded").get(0));
		assertThat(recorded.get("entryId").asText()).isEqualTo(started.json().get("entryId").asText());
		assertThat(recorded.get("source").asText()).isEqualTo("timer");
		assertThat(recorded.get("task").asText()).isEqualTo("design");
		assertThat(recorded.get("actorId").asText()).isEqualTo("walt");
		assertThat(recorded.get("tenantId").asText()).isEqualTo(this.world.tenant);
	}

	@Test
	void start_conflicts_whenATimerRuns() {
		this.api.post("/api/time-entries/start", this.world.worker, Map.of("projectId", this.world.projectId));
		long events = this.world.eventCount();

		Response second = this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId));

		assertThat(TestWorld.isProblem(second, 409, "timer-already-running")).as(second.body()).isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void stop_conflicts_whenNoTimerRuns() {
		long events = this.world.eventCount();

		Response stopped = this.api.post("/api/time-entries/stop", this.world.worker, Map.of());

		assertThat(TestWorld.isProblem(stopped, 409, "no-running-timer")).as(stopped.body()).isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void discard_removesTheTimer_withoutRecordingTime() {
		this.api.post("/api/time-entries/start", this.world.worker, Map.of("projectId", this.world.projectId));

		Response discarded = this.api.delete("/api/time-entries/running", this.world.worker);

		assertThat(discarded.status()).isEqualTo(204);
		assertThat(Long.parseLong(discarded.header("TimeLedger-Position"))).isPositive();
		assertThat(this.api.get("/api/time-entries/running", this.world.worker).status()).isEqualTo(204);
		assertThat(this.world.payloads("TimerDiscarded")).hasSize(1);
		assertThat(this.world.payloads("TimeEntryRecorded")).isEmpty();
	}

	@Test
	void record_answers201WithTheWeek_andStoresAManualEntry() {
		Response recorded = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:30:00Z");

		assertThat(recorded.status()).isEqualTo(201);
		assertThat(recorded.json().get("week").asText()).isEqualTo("2026-W47");
		assertThat(recorded.header("Location")).isEqualTo("/api/timesheets/walt/2026-W47");
		JsonNode event = json(this.world.payloads("TimeEntryRecorded").get(0));
		assertThat(event.get("durationSeconds").asLong()).isEqualTo(5400);
		assertThat(event.get("source").asText()).isEqualTo("manual");
		assertThat(event.get("billable").asBoolean()).isTrue();
	}

	@Test
	void record_refusesEveryBrokenRule_andStoresNothing() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		long events = this.world.eventCount();

		assertThat(TestWorld.isProblem(
				this.world.record(this.world.worker, "2026-11-16T11:00:00Z", "2026-11-16T11:00:00Z"), 400,
				"invalid-interval"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.world.record(this.world.worker, "2026-11-16T11:00:00Z", "2026-11-17T11:00:01Z"), 400,
				"entry-too-long"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.world.record(this.world.worker, "2026-11-22T23:00:00Z", "2026-11-23T01:00:00Z"), 400,
				"entry-spans-weeks"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.world.record(this.world.worker, "2026-11-16T09:59:59Z", "2026-11-16T11:00:00Z"), 409,
				"entry-overlaps"))
			.isTrue();
		assertThat(
				TestWorld.isProblem(
						this.api.post("/api/time-entries", this.world.worker, Map.of("projectId", "no-such-project",
								"start", "2026-11-17T09:00:00Z", "end", "2026-11-17T10:00:00Z")),
						404, "project-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.world.record(this.world.manager, "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z"), 403,
				"forbidden"))
			.isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void record_refusesAnArchivedProject() {
		this.api.patch("/api/projects/" + this.world.projectId, this.world.manager, Map.of("archived", true));

		Response recorded = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		assertThat(TestWorld.isProblem(recorded, 409, "project-archived")).as(recorded.body()).isTrue();
	}

	@Test
	void amend_movesAnEntryToAnotherWeek_withOneEvent() {
		String entryId = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		String otherProject = this.world.createProject("Gemini");

		Response amended = this.api.put("/api/time-entries/" + entryId, this.world.worker, Map.of("projectId",
				otherProject, "start", "2026-11-24T09:00:00Z", "end", "2026-11-24T11:00:00Z", "billable", false));

		assertThat(amended.status()).isEqualTo(200);
		assertThat(amended.json().get("week").asText()).isEqualTo("2026-W48");
		JsonNode event = json(this.world.payloads("TimeEntryAmended").get(0));
		assertThat(event.get("week").asText()).isEqualTo("2026-W48");
		assertThat(event.get("previousWeek").asText()).isEqualTo("2026-W47");
		assertThat(event.get("projectId").asText()).isEqualTo(otherProject);
		assertThat(event.get("durationSeconds").asLong()).isEqualTo(7200);
		assertThat(event.get("billable").asBoolean()).isFalse();
	}

	@Test
	void amendAndDelete_answer404_forAnUnknownOrForeignEntry() {
		String entryId = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		long events = this.world.eventCount();
		Map<String, String> body = Map.of("projectId", this.world.projectId, "start", "2026-11-16T09:00:00Z", "end",
				"2026-11-16T09:30:00Z");

		assertThat(TestWorld.isProblem(this.api.put("/api/time-entries/nope", this.world.worker, body), 404,
				"entry-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.put("/api/time-entries/" + entryId, this.world.otherWorker, body), 404,
				"entry-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.delete("/api/time-entries/" + entryId, this.world.otherWorker), 404,
				"entry-not-found"))
			.isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void delete_answers204_andTheSlotCanBeReused() {
		String entryId = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		Response deleted = this.api.delete("/api/time-entries/" + entryId, this.world.worker);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.world.payloads("TimeEntryDeleted")).hasSize(1);
		assertThat(this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z").status())
			.isEqualTo(201);
	}

	@Test
	void stop_splitsATimerAtTheWeekBoundary() {
		Instant mondayMidnight = Instant.parse("2026-11-16T00:00:00Z");
		this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "at", mondayMidnight.minus(Duration.ofHours(1)).toString()));

		Response stopped = this.api.post("/api/time-entries/stop", this.world.worker,
				Map.of("at", mondayMidnight.plus(Duration.ofHours(2)).toString()));

		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		assertThat(stopped.json().get("durationSeconds").asLong()).isEqualTo(3 * 3600);
		JsonNode entries = stopped.json().get("entries");
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0).get("week").asText()).isEqualTo("2026-W46");
		assertThat(entries.get(0).get("durationSeconds").asLong()).isEqualTo(3600);
		assertThat(entries.get(1).get("week").asText()).isEqualTo("2026-W47");
		assertThat(entries.get(1).get("durationSeconds").asLong()).isEqualTo(7200);
		assertThat(this.world.payloads("TimeEntryRecorded")).hasSize(2);
	}

	private static JsonNode json(String text) {
		return new ApiClient.Response(200, Map.of(), text).json();
	}

	@Test
	void runningTimer_answersItsPosition_andIsForWorkers() {
		Response started = this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "at", Instant.now().minus(Duration.ofMinutes(5)).toString()));

		Response running = this.api.get("/api/time-entries/running?consistentWith=" + started.position(),
				this.world.worker);
		assertThat(running.status()).isEqualTo(200);
		assertThat(running.position()).isGreaterThanOrEqualTo(started.position());
		assertThat(running.header("TimeLedger-Position")).isEqualTo(Long.toString(running.position()));

		Response stopped = this.api.post("/api/time-entries/stop", this.world.worker, null);
		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		Response none = this.api.get("/api/time-entries/running", this.world.worker);
		assertThat(none.status()).isEqualTo(204);
		assertThat(Long.parseLong(none.header("TimeLedger-Position"))).isGreaterThanOrEqualTo(stopped.position());

		String managerOnly = this.api.token(this.world.tenant, "max", "manager");
		assertThat(TestWorld.isProblem(this.api.get("/api/time-entries/running", managerOnly), 403, "forbidden"))
			.isTrue();
	}

}
