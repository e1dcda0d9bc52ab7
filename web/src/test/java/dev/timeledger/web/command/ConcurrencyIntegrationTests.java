package dev.timeledger.web.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.Concurrently;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Races that must leave exactly one consistent outcome. */
class ConcurrencyIntegrationTests extends ApiTest {

	@RepeatedTest(3)
	void simultaneousTimerStarts_leaveExactlyOneRunningTimer() {
		List<Response> answers = Concurrently.run(8, (i) -> this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "task", "try " + i)));

		assertThat(answers).filteredOn((answer) -> answer.status() == 201).hasSize(1);
		assertThat(answers).filteredOn((answer) -> answer.status() != 201)
			.allSatisfy((answer) -> assertThat(answer.code()).isIn("timer-already-running", "conflict"));
		assertThat(this.world.payloads("TimerStarted")).hasSize(1);
		String winner = answers.stream()
			.filter((a) -> a.status() == 201)
			.findFirst()
			.orElseThrow()
			.json()
			.get("entryId")
			.asText();
		assertThat(this.api.get("/api/time-entries/running", this.world.worker).json().get("entryId").asText())
			.isEqualTo(winner);
	}

	@RepeatedTest(5)
	void submitRacingAnEntry_neverLeavesAnEntryInASubmittedWeek() {
		List<Response> answers = Concurrently.run(2,
				(i) -> (i == 0) ? this.api.post("/api/timesheets/me/2026-W47/submission", this.world.worker, null)
						: this.world.record(this.world.worker, "2026-11-18T09:00:00Z", "2026-11-18T10:00:00Z"));

		Response submitted = answers.get(0);
		Response recorded = answers.get(1);
		assertThat(submitted.status()).isEqualTo(200);
		List<Long> positions = this.jdbc
			.sql("SELECT global_index FROM domain_event_entry WHERE tenant_id = ? AND payload_type IN"
					+ " ('TimesheetSubmitted', 'TimeEntryRecorded') ORDER BY global_index")
			.param(this.world.tenant)
			.query(Long.class)
			.list();
		if (recorded.status() == 201) {
			assertThat(recorded.position()).isLessThan(submitted.position());
			assertThat(positions).containsExactly(recorded.position(), submitted.position());
		}
		else {
			assertThat(recorded.code()).isEqualTo("timesheet-locked");
			assertThat(positions).containsExactly(submitted.position());
		}
	}

	@Test
	void simultaneousApprovals_approveOnce() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.api.post("/api/timesheets/me/2026-W47/submission", this.world.worker, null);
		String secondManager = this.api.token(this.world.tenant, "mona", "manager");

		List<Response> answers = Concurrently.run(2, (i) -> this.api.post("/api/timesheets/walt/2026-W47/approval",
				(i == 0) ? this.world.manager : secondManager, Map.of("comment", "by " + i)));

		assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
		assertThat(answers).filteredOn((a) -> a.status() == 409)
			.allSatisfy((a) -> assertThat(a.code()).isIn("timesheet-not-submitted", "conflict"));
		assertThat(this.world.payloads("TimesheetApproved")).hasSize(1);
	}

	@Test
	void parallelEntriesOfManyWorkers_getDistinctGaplessPositions() {
		List<String> tokens = List.of(this.world.worker, this.world.otherWorker,
				this.api.token(this.world.tenant, "ana", "worker"), this.api.token(this.world.tenant, "bo", "worker"));
		Instant base = Instant.parse("2026-11-09T08:00:00Z");

		List<Response> answers = Concurrently.run(16, (i) -> this.world.record(tokens.get(i % 4),
				base.plusSeconds(3600L * i).toString(), base.plusSeconds(3600L * i + 1800).toString()));

		assertThat(answers).allSatisfy((a) -> assertThat(a.status()).isEqualTo(201));
		List<Long> positions = answers.stream().map(Response::position).sorted().toList();
		assertThat(positions).doesNotHaveDuplicates();
		List<Long> stored = this.jdbc.sql(
				"SELECT global_index FROM domain_event_entry WHERE tenant_id = ? AND payload_type = 'TimeEntryRecorded'"
						+ " ORDER BY global_index")
			.param(this.world.tenant)
			.query(Long.class)
			.list();
		assertThat(stored).isEqualTo(positions);
	}

}
