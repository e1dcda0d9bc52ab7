package dev.timeledger.web.timesheet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimesheetQueryIntegrationTests extends ApiTest {

	private static final String WEEK = "/api/timesheets/walt/2026-W47";

	@Test
	void timesheet_showsStatusEntriesAnnotationsAndDecisions() {
		String entryId = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.api.post(WEEK + "/annotations", this.world.worker, Map.of("text", "sick Friday"));
		this.api.post("/api/timesheets/me/2026-W47/submission", this.world.worker, null);
		Response rejected = this.api.post(WEEK + "/rejection", this.world.manager, Map.of("reason", "Tuesday?"));

		Response read = this.api.get(WEEK + "?consistentWith=" + rejected.position(), this.world.manager);

		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode view = read.json();
		assertThat(view.get("status").asText()).isEqualTo("rejected");
		assertThat(view.get("entries")).extracting((entry) -> entry.get("entryId").asText()).containsExactly(entryId);
		assertThat(view.get("annotations").get(0).get("text").asText()).isEqualTo("sick Friday");
		assertThat(view.get("annotations").get(0).get("by").asText()).isEqualTo("walt");
		assertThat(view.get("decisions")).extracting((decision) -> decision.get("status").asText())
			.containsExactly("submitted", "rejected");
		assertThat(view.get("decisions").get(1).get("by").asText()).isEqualTo("mia");
		assertThat(view.get("decisions").get(1).get("comment").asText()).isEqualTo("Tuesday?");
		assertThat(read.header("TimeLedger-Position")).isEqualTo(view.get("position").asText());
	}

	@Test
	void asOf_showsTheWeekAsItWasBeforeAnAmendment() throws InterruptedException {
		String entryId = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		Thread.sleep(1100);
		Instant beforeAmendment = Instant.now();
		Thread.sleep(1100);
		this.api.put("/api/time-entries/" + entryId, this.world.worker, Map.of("projectId", this.world.projectId,
				"start", "2026-11-16T09:00:00Z", "end", "2026-11-16T12:00:00Z"));

		JsonNode then = this.api.get(WEEK + "?asOf=" + beforeAmendment, this.world.worker).json();
		JsonNode now = this.api.get(WEEK + "?asOf=" + Instant.now(), this.world.worker).json();

		assertThat(then.get("totalSeconds").asLong()).isEqualTo(3600);
		assertThat(then.get("asOf").asText()).isEqualTo(beforeAmendment.toString());
		assertThat(now.get("totalSeconds").asLong()).isEqualTo(3 * 3600);
	}

	@Test
	void asOf_includesTheApprovalChainOfThatTime() throws InterruptedException {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.api.post("/api/timesheets/me/2026-W47/submission", this.world.worker, null);
		this.api.post(WEEK + "/approval", this.world.manager, Map.of("comment", "ok"));
		Thread.sleep(1100);
		Instant approved = Instant.now();
		Thread.sleep(1100);
		this.api.post(WEEK + "/reopening", this.world.manager, Map.of("reason", "typo"));

		JsonNode then = this.api.get(WEEK + "?asOf=" + approved, this.world.manager).json();

		assertThat(then.get("status").asText()).isEqualTo("approved");
		assertThat(then.get("decisions")).extracting((decision) -> decision.get("status").asText())
			.containsExactly("submitted", "approved");
	}

	@Test
	void history_listsEveryEventOfTheWeekAndItsEntries_withActor() {
		this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "at", "2026-11-16T08:00:00Z"));
		Response stopped = this.api.post("/api/time-entries/stop", this.world.worker,
				Map.of("at", "2026-11-16T09:00:00Z"));
		String entryId = stopped.json().get("entryId").asText();
		this.api.put("/api/time-entries/" + entryId, this.world.worker, Map.of("projectId", this.world.projectId,
				"start", "2026-11-24T08:00:00Z", "end", "2026-11-24T09:00:00Z"));
		this.world.recordEntry("2026-11-25T08:00:00Z", "2026-11-25T09:00:00Z");
		this.api.post("/api/timesheets/me/2026-W47/submission", this.world.worker, null);
		this.api.post(WEEK + "/approval", this.world.manager, null);

		JsonNode history = this.api.get(WEEK + "/history", this.world.worker).json().get("events");

		assertThat(history).extracting((event) -> event.get("type").asText())
			.containsExactly("TimerStarted", "TimerStopped", "TimeEntryRecorded", "TimeEntryAmended",
					"TimesheetSubmitted", "TimesheetApproved");
		assertThat(history).extracting((event) -> event.get("actor").asText())
			.containsExactly("walt", "walt", "walt", "walt", "walt", "mia");
		assertThat(history.get(3).get("data").get("week").asText()).isEqualTo("2026-W48");
		long previous = 0;
		for (JsonNode event : history) {
			assertThat(event.get("position").asLong()).isGreaterThan(previous);
			assertThat(event.get("occurredAt").asText()).isNotBlank();
			previous = event.get("position").asLong();
		}
	}

	@Test
	void timesheetReads_areForTheOwnerAndManagers_historyAlsoForAdmins() {
		String admin = this.api.token(this.world.tenant, "ada", "admin");
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		assertThat(TestWorld.isProblem(this.api.get(WEEK, this.world.otherWorker), 403, "forbidden")).isTrue();
		assertThat(TestWorld.isProblem(this.api.get(WEEK + "/history", this.world.otherWorker), 403, "forbidden"))
			.isTrue();
		assertThat(this.api.get(WEEK + "/history", admin).status()).isEqualTo(200);
		assertThat(TestWorld.isProblem(this.api.get("/api/timesheets/walt/2026-47", this.world.manager), 400,
				"validation-failed"))
			.isTrue();
	}

	@Test
	void history_neverShowsAnotherTenantsEvents() {
		this.world.recordEntry("2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z");
		TestWorld foreign = new TestWorld(this.api, this.jdbc);
		foreign.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		JsonNode history = this.api.get(WEEK + "/history", this.world.manager).json().get("events");

		assertThat(history).isEmpty();
	}

	@Test
	void history_answersThePositionItIsCompleteUpTo() {
		this.world.recordEntry("2026-11-16T08:00:00Z", "2026-11-16T09:00:00Z");
		Response submitted = this.api.post("/api/timesheets/me/2026-W47/submission", this.world.worker, null);

		Response history = this.api.get(WEEK + "/history?consistentWith=" + submitted.position(), this.world.manager);

		assertThat(history.position()).isGreaterThanOrEqualTo(submitted.position());
		assertThat(history.header("TimeLedger-Position")).isEqualTo(Long.toString(history.position()));
		JsonNode events = history.json().get("events");
		assertThat(events.get(events.size() - 1).get("position").asLong()).isEqualTo(submitted.position());
	}

	@Test
	void timesheetReads_ofAUserTheTenantHasNoEventsOf_areNotFound() {
		TestWorld foreign = new TestWorld(this.api, this.jdbc);
		foreign.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		for (String read : List.of(WEEK, WEEK + "?asOf=2026-11-20T00:00:00Z", WEEK + "/history")) {
			Response response = this.api.get(read, this.world.manager);
			assertThat(TestWorld.isProblem(response, 404, "timesheet-not-found")).as(read + " " + response.body())
				.isTrue();
		}
		assertThat(this.api.get(WEEK, this.world.worker).status()).as("the owner's own week").isEqualTo(200);
	}

}
