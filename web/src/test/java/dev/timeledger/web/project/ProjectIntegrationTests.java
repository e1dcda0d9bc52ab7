package dev.timeledger.web.project;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectIntegrationTests extends ApiTest {

	@Test
	void create_answers201WithLocation_andTheProjectIsListed() {
		Response created = this.api.post("/api/projects", this.world.manager, Map.of("name", "Mercury", "client",
				"NASA", "billable", false, "hourlyRate", Map.of("amount", 95.5, "currency", "EUR")));

		assertThat(created.status()).isEqualTo(201);
		String projectId = created.json().get("projectId").asText();
		assertThat(created.header("Location")).isEqualTo("/api/projects/" + projectId);
		JsonNode project = this.api.get("/api/projects/" + projectId, this.world.worker).json();
		assertThat(project.get("name").asText()).isEqualTo("Mercury");
		assertThat(project.get("client").asText()).isEqualTo("NASA");
		assertThat(project.get("billable").asBoolean()).isFalse();
		assertThat(project.get("hourlyRate").get("amount").decimalValue()).isEqualByComparingTo("95.5");
		assertThat(this.api.get("/api/projects", this.world.worker).json().get("projects"))
			.extracting((node) -> node.get("name").asText())
			.containsExactly("Apollo", "Mercury");
	}

	@Test
	void patch_emitsOneEventPerChangedAttribute() {
		Map<String, Object> change = new HashMap<>();
		change.put("name", "Apollo 11");
		change.put("client", null);
		change.put("archived", true);
		change.put("hourlyRate", Map.of("amount", 100, "currency", "USD", "effectiveFrom", "2026-01-01T00:00:00Z"));

		Response patched = this.api.patch("/api/projects/" + this.world.projectId, this.world.manager, change);

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(this.world.payloads("ProjectRenamed")).hasSize(1);
		assertThat(this.world.payloads("ProjectArchived")).hasSize(1);
		assertThat(this.world.payloads("ProjectRateChanged").get(0))
			.contains("\"effectiveFrom\": \"2026-01-01T00:00:00Z\"");
		assertThat(this.world.payloads("ProjectClientChanged")).isEmpty();
		JsonNode project = this.api.get("/api/projects/" + this.world.projectId, this.world.worker).json();
		assertThat(project.get("name").asText()).isEqualTo("Apollo 11");
		assertThat(project.get("archived").asBoolean()).isTrue();
	}

	@Test
	void createAndPatch_areRefused_forWorkersAndBadInput_storingNothing() {
		long events = this.world.eventCount();

		assertThat(TestWorld.isProblem(this.api.post("/api/projects", this.world.worker, Map.of("name", "X")), 403,
				"forbidden"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.post("/api/projects", this.world.manager, Map.of("name", "")), 400,
				"validation-failed"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.post("/api/projects", this.world.manager,
						Map.of("name", "X", "hourlyRate", Map.of("amount", 10, "currency", "EURO"))),
				400, "validation-failed"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.post("/api/projects", this.world.manager,
						Map.of("name", "X", "hourlyRate", Map.of("amount", -1, "currency", "EUR"))),
				400, "validation-failed"))
			.isTrue();
		assertThat(
				TestWorld.isProblem(this.api.post("/api/projects", this.world.manager, Map.of("name", "x".repeat(201))),
						400, "validation-failed"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.patch("/api/projects/" + this.world.projectId, this.world.worker, Map.of("name", "Y")), 403,
				"forbidden"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.patch("/api/projects/" + this.world.projectId, this.world.manager, Map.of("colour", "red")),
				400, "validation-failed"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.patch("/api/projects/" + this.world.projectId, this.world.manager, Map.of("archived", "yes")),
				400, "validation-failed"))
			.isTrue();
		assertThat(
				TestWorld.isProblem(this.api.patch("/api/projects/no-such-id", this.world.manager, Map.of("name", "Y")),
						404, "project-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.get("/api/projects/no-such-id", this.world.worker), 404,
				"project-not-found"))
			.isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void reads_answerThePositionTheyAreCompleteUpTo_andWaitForAPositionNotStoredYet() throws Exception {
		Response created = this.api.post("/api/projects", this.world.manager, Map.of("name", "Gemini"));
		String projectId = created.json().get("projectId").asText();

		Response list = this.api.get("/api/projects?consistentWith=" + created.position(), this.world.worker);
		Response one = this.api.get("/api/projects/" + projectId, this.world.worker);

		assertThat(list.position()).isGreaterThanOrEqualTo(created.position());
		assertThat(list.header("TimeLedger-Position")).isEqualTo(Long.toString(list.position()));
		assertThat(one.position()).isGreaterThanOrEqualTo(created.position());
		assertThat(one.json().get("name").asText()).isEqualTo("Gemini");
		assertThat(one.header("TimeLedger-Position")).isEqualTo(Long.toString(one.position()));

		// a read for the next position waits until it is stored, and then includes it
		CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(
				() -> this.api.get("/api/projects?consistentWith=" + (created.position() + 1), this.world.worker));
		Thread.sleep(300);
		assertThat(waiting).isNotDone();
		Response next = this.api.post("/api/projects", this.world.manager, Map.of("name", "Skylab"));
		Response waited = waiting.get(10, TimeUnit.SECONDS);
		assertThat(waited.position()).isGreaterThanOrEqualTo(next.position());
		assertThat(waited.json().get("projects")).extracting((node) -> node.get("name").asText()).contains("Skylab");
	}

}
