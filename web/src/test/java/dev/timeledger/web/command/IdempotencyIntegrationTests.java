package dev.timeledger.web.command;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.Concurrently;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIntegrationTests extends ApiTest {

	@Test
	void retryWithTheSameKey_returnsTheFirstAnswer_andStoresNothingNew() {
		String key = UUID.randomUUID().toString();
		Map<String, String> body = Map.of("projectId", this.world.projectId, "start", "2026-11-16T09:00:00Z", "end",
				"2026-11-16T10:00:00Z");

		Response first = this.api.post("/api/time-entries", this.world.worker, body, key);
		long events = this.world.eventCount();
		Response retry = this.api.post("/api/time-entries", this.world.worker, body, key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.header("TimeLedger-Position")).isEqualTo(first.header("TimeLedger-Position"));
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void concurrentRetriesWithOneKey_haveOneEffect() {
		String key = UUID.randomUUID().toString();

		List<Response> answers = Concurrently.run(6, (i) -> this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId), key));

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(201));
		assertThat(answers).extracting((answer) -> answer.json().get("entryId").asText())
			.containsOnly(answers.get(0).json().get("entryId").asText());
		assertThat(this.world.payloads("TimerStarted")).hasSize(1);
	}

	@Test
	void theSameKeyForAnotherRequest_answers409() {
		String key = UUID.randomUUID().toString();
		this.api.post("/api/projects", this.world.manager, Map.of("name", "One"), key);

		Response other = this.api.post("/api/projects", this.world.manager, Map.of("name", "Two"), key);

		assertThat(TestWorld.isProblem(other, 409, "idempotency-key-reused")).as(other.body()).isTrue();
		assertThat(this.world.payloads("ProjectCreated")).hasSize(2);
	}

	@Test
	void keysArePerUser_andFailedWritesAreNotRemembered() {
		String key = UUID.randomUUID().toString();
		Map<String, String> body = Map.of("projectId", this.world.projectId, "start", "2026-11-16T09:00:00Z", "end",
				"2026-11-16T10:00:00Z");

		Response walt = this.api.post("/api/time-entries", this.world.worker, body, key);
		Response olga = this.api.post("/api/time-entries", this.world.otherWorker, body, key);
		Response failed = this.api.post("/api/time-entries/stop", this.world.worker, Map.of(), "stop-" + key);
		this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "at", java.time.Instant.now().minusSeconds(60).toString()));
		Response retriedAfterFix = this.api.post("/api/time-entries/stop", this.world.worker, Map.of(), "stop-" + key);

		assertThat(walt.status()).isEqualTo(201);
		assertThat(olga.status()).isEqualTo(201);
		assertThat(olga.json().get("entryId")).isNotEqualTo(walt.json().get("entryId"));
		assertThat(failed.code()).isEqualTo("no-running-timer");
		assertThat(retriedAfterFix.status()).as(retriedAfterFix.body()).isEqualTo(200);
	}

}
