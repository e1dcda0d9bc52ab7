package dev.timeledger.web.problem;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;

import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	@Test
	void aWriteWhoseClientAcceptsNoJson_answers406_andStoresNothing() {
		long events = this.world.eventCount();
		String entry = "{\"projectId\":\"%s\",\"start\":\"2026-11-16T09:00:00Z\",\"end\":\"2026-11-16T10:00:00Z\"}"
			.formatted(this.world.projectId);

		Response csv = this.api.send(json(this.api.request("/api/projects", this.world.manager), "{\"name\":\"Csv\"}")
			.header("Accept", "text/csv"));
		Response xml = this.api.send(json(this.api.request("/api/time-entries", this.world.worker), entry)
			.header("Accept", "application/xml"));
		Response jsonToo = this.api.send(json(this.api.request("/api/time-entries", this.world.worker), entry)
			.header("Accept", "text/csv, application/json;q=0.5"));

		assertThat(TestWorld.isProblem(csv, 406, "not-acceptable")).as(csv.body()).isTrue();
		assertThat(TestWorld.isProblem(xml, 406, "not-acceptable")).as(xml.body()).isTrue();
		assertThat(jsonToo.status()).as("the retry that accepts JSON is not refused as an overlap").isEqualTo(201);
		assertThat(this.world.eventCount()).isEqualTo(events + 1);
	}

	@Test
	void yamlBodies_answer415_andStoreNothing() {
		long events = this.world.eventCount();

		Response yaml = this.api.postRaw("/api/projects", this.world.manager, "application/yaml",
				"name: Yaml\nsneaky: true\n");
		Response yamlAnswer = this.api
			.send(this.api.request("/api/projects", this.world.manager).header("Accept", "application/yaml").GET());

		assertThat(TestWorld.isProblem(yaml, 415, "unsupported-media-type")).as(yaml.body()).isTrue();
		assertThat(TestWorld.isProblem(yamlAnswer, 406, "not-acceptable")).as(yamlAnswer.body()).isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void textThatCannotBeStored_answers400_andStoresNothing() {
		long events = this.world.eventCount();

		Response nul = this.api.postRaw("/api/projects", this.world.manager, "application/json",
				"{\"name\":\"a\\u0000b\"}");
		Response halfAPair = this.api.postRaw("/api/projects", this.world.manager, "application/json",
				"{\"name\":\"a\\ud800b\"}");
		Response nulInAParameter = this.api.get("/api/reports/weekly?user=%00&week=2026-W47", this.world.manager);
		Response matrixParameter = this.api.get("/api/timesheets/walt;x=1/2026-W47", this.world.manager);

		assertThat(TestWorld.isProblem(nul, 400, "malformed-request")).as(nul.body()).isTrue();
		assertThat(nul.json().get("detail").asText()).contains("'name'", "cannot be stored");
		assertThat(TestWorld.isProblem(halfAPair, 400, "malformed-request")).as(halfAPair.body()).isTrue();
		assertThat(TestWorld.isProblem(nulInAParameter, 400, "malformed-request")).as(nulInAParameter.body()).isTrue();
		assertThat(TestWorld.isProblem(matrixParameter, 400, "malformed-request")).as(matrixParameter.body()).isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void textLimits_countCharacters_notUtf16Units() {
		String emoji = "\uD83D\uDE00";

		Response atTheLimit = this.api.post("/api/projects", this.world.manager, Map.of("name", emoji.repeat(200)));
		Response overTheLimit = this.api.post("/api/projects", this.world.manager, Map.of("name", emoji.repeat(201)));

		assertThat(atTheLimit.status()).as(atTheLimit.body()).isEqualTo(201);
		assertThat(TestWorld.isProblem(overTheLimit, 400, "validation-failed")).as(overTheLimit.body()).isTrue();
	}

	@Test
	void instantsBefore1970OrFromTheYear9999_answer400_andStoreNothing() {
		long events = this.world.eventCount();

		Response ancient = this.api.post("/api/time-entries", this.world.worker, Map.of("projectId",
				this.world.projectId, "start", "0500-01-01T09:00:00Z", "end", "0500-01-01T10:00:00Z"));
		Response ancientTimer = this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "at", "1969-12-31T23:00:00Z"));
		Response rateBefore1970 = this.api.patch("/api/projects/" + this.world.projectId, this.world.manager,
				Map.of("hourlyRate", Map.of("amount", 20, "currency", "EUR", "effectiveFrom", "1969-06-01T00:00:00Z")));
		Response farFutureRate = this.api.patch("/api/projects/" + this.world.projectId, this.world.manager, Map
			.of("hourlyRate", Map.of("amount", 20, "currency", "EUR", "effectiveFrom", "+999999999-01-01T00:00:00Z")));
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		Response farFutureAsOf = this.api.get("/api/timesheets/walt/2026-W47?asOf=%2B999999999-12-31T23:59:59Z",
				this.world.manager);

		for (Response refused : new Response[] { ancient, ancientTimer, rateBefore1970, farFutureRate,
				farFutureAsOf }) {
			assertThat(TestWorld.isProblem(refused, 400, "validation-failed")).as(refused.body()).isTrue();
		}
		assertThat(this.world.eventCount()).as("only the entry recorded to make walt known").isEqualTo(events + 1);
	}

	@Test
	void aDevelopmentTokenWithAZoneThatIsNoTimeZone_isNotIssued() {
		Response marsBase = this.api.post("/api/dev/tokens", null, Map.of("user", "x", "tenant", this.world.tenant,
				"roles", java.util.List.of("worker"), "zone", "Mars/Base"));

		assertThat(TestWorld.isProblem(marsBase, 400, "validation-failed")).as(marsBase.body()).isTrue();
	}

	private static HttpRequest.Builder json(HttpRequest.Builder request, String body) {
		return request.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "walt;x=1", "walt%2Fx", "walt%5Cx", "%2E%2E", "walt%00", "walt%25" })
	void addressesTheServerRefuses_answer400_problemJson(String userId) {
		Response refused = this.api.get("/api/timesheets/" + userId + "/2026-W47", this.world.manager);

		assertThat(TestWorld.isProblem(refused, 400, "malformed-request")).as(refused + " " + refused.body()).isTrue();
	}

	@Test
	void bodiesAndParametersOfTheWrongShape_answerWhatIsWrong() {
		long events = this.world.eventCount();

		Response twice = this.api.postRaw("/api/projects", this.world.manager, "application/json",
				"{\"name\":\"One\",\"name\":\"Two\"}");
		Response array = this.api.postRaw("/api/projects", this.world.manager, "application/json", "[]");
		Response notANumber = this.api.get("/api/events?after=abc", this.world.manager);
		Response trailingSlash = this.api.get("/api/projects/", this.world.manager);

		assertThat(TestWorld.isProblem(twice, 400, "malformed-request")).as(twice.body()).isTrue();
		assertThat(TestWorld.isProblem(array, 400, "malformed-request")).as(array.body()).isTrue();
		assertThat(array.json().get("detail").asText()).isEqualTo("The body must be a JSON object");
		assertThat(TestWorld.isProblem(notANumber, 400, "validation-failed")).as(notANumber.body()).isTrue();
		assertThat(notANumber.json().get("detail").asText()).isEqualTo("after must be a whole number, not 'abc'");
		assertThat(TestWorld.isProblem(trailingSlash, 404, "not-found")).as(trailingSlash.body()).isTrue();
		assertThat(trailingSlash.body()).doesNotContain("static");
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void problemsAnsweredOutsideTheControllers_nameTheirInstanceToo() {
		Response noToken = this.api.get("/api/projects", null);
		Response refusedAddress = this.api.get("/api/timesheets/walt%2Fx/2026-W47", this.world.manager);
		Response firewall = this.api.get("/api/timesheets/walt;x=1/2026-W47", this.world.manager);

		assertThat(noToken.json().get("instance").asText()).isEqualTo("/api/projects");
		assertThat(refusedAddress.json().get("instance").asText()).isEqualTo("/api/timesheets/walt%2Fx/2026-W47");
		assertThat(firewall.json().get("instance").asText()).startsWith("/api/timesheets/walt;x=1");
	}

}
