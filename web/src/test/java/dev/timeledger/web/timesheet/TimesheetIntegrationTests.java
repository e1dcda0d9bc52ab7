package dev.timeledger.web.timesheet;

import java.util.Map;

import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimesheetIntegrationTests extends ApiTest {

	private static final String WEEK = "/api/timesheets/walt/2026-W47";

	private static final String MY_WEEK = "/api/timesheets/me/2026-W47";

	@Test
	void submitThenApprove_locksTheWeek_andRecordsWhoDecided() {
		String entryId = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		Response submitted = this.api.post(MY_WEEK + "/submission", this.world.worker, null);
		Response approved = this.api.post(WEEK + "/approval", this.world.manager, Map.of("comment", "fine"));

		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.json().get("status").asText()).isEqualTo("submitted");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.position()).isGreaterThan(submitted.position());
		assertThat(this.world.payloads("TimesheetApproved").get(0)).contains("\"actorId\": \"mia\"")
			.contains("\"comment\": \"fine\"");
		long events = this.world.eventCount();
		assertThat(TestWorld.isProblem(
				this.world.record(this.world.worker, "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z"), 409,
				"timesheet-locked"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.delete("/api/time-entries/" + entryId, this.world.worker), 409,
				"timesheet-locked"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.put("/api/time-entries/" + entryId, this.world.worker, Map.of("projectId",
						this.world.projectId, "start", "2026-11-24T09:00:00Z", "end", "2026-11-24T10:00:00Z")),
				409, "timesheet-locked"))
			.isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void reject_needsAReason_andUnlocksTheWeek() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.api.post(MY_WEEK + "/submission", this.world.worker, null);

		Response withoutReason = this.api.post(WEEK + "/rejection", this.world.manager, Map.of("reason", " "));
		Response rejected = this.api.post(WEEK + "/rejection", this.world.manager, Map.of("reason", "Tuesday missing"));

		assertThat(TestWorld.isProblem(withoutReason, 400, "validation-failed")).isTrue();
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(this.world.payloads("TimesheetRejected").get(0)).contains("Tuesday missing");
		assertThat(this.world.record(this.world.worker, "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z").status())
			.isEqualTo(201);
	}

	@Test
	void reopen_unlocksAnApprovedWeek() {
		this.api.post(MY_WEEK + "/submission", this.world.worker, null);
		this.api.post(WEEK + "/approval", this.world.manager, null);

		Response reopened = this.api.post(WEEK + "/reopening", this.world.manager, Map.of("reason", "typo"));

		assertThat(reopened.status()).isEqualTo(200);
		assertThat(this.world.record(this.world.worker, "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z").status())
			.isEqualTo(201);
		assertThat(TestWorld.isProblem(this.api.post(WEEK + "/reopening", this.world.manager, Map.of("reason", "x")),
				409, "timesheet-not-locked"))
			.isTrue();
	}

	@Test
	void decisions_areRefused_forTheWrongRoleOwnerOrState() {
		String managerAndWorker = this.api.token(this.world.tenant, "max", "manager", "worker");
		this.api.post("/api/timesheets/me/2026-W47/submission", managerAndWorker, null);
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		long events = this.world.eventCount();

		assertThat(TestWorld.isProblem(this.api.post(WEEK + "/approval", this.world.manager, null), 409,
				"timesheet-not-submitted"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.post("/api/timesheets/max/2026-W47/approval", managerAndWorker, null),
				409, "self-approval"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.post("/api/timesheets/max/2026-W47/approval", this.world.worker, null),
				403, "forbidden"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.post("/api/timesheets/max/2026-W47/submission", this.world.worker, null), 403, "forbidden"))
			.isTrue();
		assertThat(
				TestWorld.isProblem(this.api.post("/api/timesheets/nobody/2026-W47/approval", this.world.manager, null),
						404, "timesheet-not-found"))
			.isTrue();
		assertThat(this.api.post(MY_WEEK + "/submission", this.world.worker, null).status()).isEqualTo(200);
		assertThat(TestWorld.isProblem(this.api.post(MY_WEEK + "/submission", this.world.worker, null), 409,
				"timesheet-locked"))
			.isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events + 1);
	}

	@Test
	void annotate_byOwnerAndManager_onTheWeekOrAnEntry() {
		String entryId = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		Response byOwner = this.api.post(MY_WEEK + "/annotations", this.world.worker, Map.of("text", "sick Friday"));
		Response byManager = this.api.post(WEEK + "/annotations", this.world.manager,
				Map.of("text", "which ticket?", "entryId", entryId));
		Response byColleague = this.api.post(WEEK + "/annotations", this.world.otherWorker, Map.of("text", "hi"));
		Response unknownEntry = this.api.post(WEEK + "/annotations", this.world.manager,
				Map.of("text", "?", "entryId", "nope"));

		assertThat(byOwner.status()).isEqualTo(201);
		assertThat(byOwner.json().get("annotationId").asText()).isNotBlank();
		assertThat(byManager.status()).isEqualTo(201);
		assertThat(TestWorld.isProblem(byColleague, 403, "forbidden")).isTrue();
		assertThat(TestWorld.isProblem(unknownEntry, 404, "entry-not-found")).isTrue();
		assertThat(this.world.payloads("TimesheetAnnotated")).hasSize(2);
		assertThat(this.world.payloads("TimesheetAnnotated").get(1)).contains(entryId).contains("\"actorId\": \"mia\"");
	}

	@Test
	void submit_isRefused_whileATimerThatStartedInTheWeekRuns() {
		this.api.post("/api/time-entries/start", this.world.worker, Map.of("projectId", this.world.projectId));
		String currentWeek = this.api.get("/api/time-entries/running", this.world.worker)
			.json()
			.get("startedAt")
			.asText();
		String week = dev.timeledger.events.IsoWeek
			.containing(java.time.Instant.parse(currentWeek), java.time.ZoneOffset.UTC)
			.toString();

		Response submitted = this.api.post("/api/timesheets/me/" + week + "/submission", this.world.worker, null);

		assertThat(TestWorld.isProblem(submitted, 409, "timer-running")).as(submitted.body()).isTrue();
	}

	@Test
	void weekPath_mustBeAnIsoWeek() {
		Response badWeek = this.api.post("/api/timesheets/me/2026-47/submission", this.world.worker, null);
		Response noSuchWeek = this.api.post("/api/timesheets/me/2025-W53/submission", this.world.worker, null);

		assertThat(TestWorld.isProblem(badWeek, 400, "validation-failed")).as(badWeek.body()).isTrue();
		assertThat(TestWorld.isProblem(noSuchWeek, 400, "validation-failed")).as(noSuchWeek.body()).isTrue();
	}

}
