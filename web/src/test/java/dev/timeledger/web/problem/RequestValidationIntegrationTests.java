package dev.timeledger.web.problem;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;

import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

class RequestValidationIntegrationTests extends ApiTest {

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void everyTransaction_goesThroughTheManagerThatTellsALostConnection() {
		// a rollback on a dropped connection must read as an outage (503), see its own
		// test
		assertThat(this.transactionManager).isInstanceOf(LostConnectionTransactionManager.class);
	}

	@Test
	void malformedJson_answers400_andStoresNothing() {
		long events = this.world.eventCount();

		Response broken = this.api.postRaw("/api/time-entries", this.world.worker, "application/json",
				"{\"projectId\":");
		Response wrongType = this.api.post("/api/time-entries", this.world.worker,
				Map.of("projectId", this.world.projectId, "start", "yesterday", "end", "2026-11-16T10:00:00Z"));
		Response unknownField = this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "colour", "red"));

		assertThat(TestWorld.isProblem(broken, 400, "malformed-request")).as(broken.body()).isTrue();
		assertThat(broken.json().get("detail").asText()).isEqualTo("The body is not valid JSON");
		assertThat(TestWorld.isProblem(wrongType, 400, "malformed-request")).as(wrongType.body()).isTrue();
		assertThat(wrongType.json().get("detail").asText()).contains("start");
		assertThat(TestWorld.isProblem(unknownField, 400, "malformed-request")).as(unknownField.body()).isTrue();
		assertThat(unknownField.json().get("detail").asText()).contains("colour");
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void missingFields_answer400_withEachField() {
		Response missing = this.api.post("/api/time-entries", this.world.worker, Map.of("task", "x"));

		assertThat(TestWorld.isProblem(missing, 400, "validation-failed")).as(missing.body()).isTrue();
		assertThat(missing.json().get("errors")).extracting((error) -> error.get("field").asText())
			.containsExactlyInAnyOrder("projectId", "start", "end");
	}

	@Test
	void missingBody_answers400() {
		Response noBody = this.api.send(this.api.request("/api/time-entries", this.world.worker)
			.POST(HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json"));

		assertThat(TestWorld.isProblem(noBody, 400, "malformed-request")).as(noBody.body()).isTrue();
	}

	@Test
	void bodiesOver64KB_answer413_whetherTheLengthIsDeclaredOrNot() {
		String big = "{\"projectId\":\"" + "x".repeat(70_000) + "\"}";
		long events = this.world.eventCount();

		Response declared = this.api.postRaw("/api/time-entries/start", this.world.worker, "application/json", big);
		Response chunked = this.api.send(this.api.request("/api/time-entries/start", this.world.worker)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
			.header("Content-Type", "application/json"));

		assertThat(TestWorld.isProblem(declared, 413, "payload-too-large")).as(declared.body()).isTrue();
		assertThat(TestWorld.isProblem(chunked, 413, "payload-too-large")).as(chunked.body()).isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void wrongMediaTypeAndMethod_answerProblems() {
		Response text = this.api.postRaw("/api/time-entries/start", this.world.worker, "text/plain", "hello");
		Response method = this.api.send(this.api.request("/api/time-entries/start", this.world.worker).GET());
		Response unknownPath = this.api.get("/api/no-such-thing", this.world.worker);

		assertThat(TestWorld.isProblem(text, 415, "unsupported-media-type")).as(text.body()).isTrue();
		assertThat(TestWorld.isProblem(method, 405, "method-not-allowed")).as(method.body()).isTrue();
		assertThat(TestWorld.isProblem(unknownPath, 404, "not-found")).as(unknownPath.body()).isTrue();
	}

	@Test
	void textFieldsOverTheirLimit_answer400() {
		Response longTask = this.api.post("/api/time-entries", this.world.worker,
				Map.of("projectId", this.world.projectId, "task", "t".repeat(201), "start", "2026-11-16T09:00:00Z",
						"end", "2026-11-16T10:00:00Z"));

		assertThat(TestWorld.isProblem(longTask, 400, "validation-failed")).as(longTask.body()).isTrue();
		assertThat(longTask.json().get("detail").asText()).contains("task");
	}

}
