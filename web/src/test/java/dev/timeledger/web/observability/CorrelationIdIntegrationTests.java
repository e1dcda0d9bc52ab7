package dev.timeledger.web.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.StompTestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One id from the request to the events it stores to the push they cause: echoed in the
 * answer, kept in the events' metadata and the change log, and in the JSON log lines of
 * the command and of the push.
 */
@ObservabilityTest
@ExtendWith(OutputCaptureExtension.class)
// logging is one per JVM: a context that another test class started since would have set
// it back to readable lines at INFO, so this class starts its own
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class CorrelationIdIntegrationTests extends ApiTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Spring Boot sets logging up once while any context that set it up is open: another
	 * class's context still in the test context cache would keep its readable lines. The
	 * next context, this class's, sets it up again with JSON lines.
	 */
	@BeforeAll
	static void forgetTheLoggingSetupOfOtherContexts() {
		LoggingSystem.get(CorrelationIdIntegrationTests.class.getClassLoader()).cleanUp();
	}

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void aClientsCorrelationId_isEchoed_storedWithItsEvents_andLoggedWithTheirPush(CapturedOutput output)
			throws Exception {
		String correlationId = "req-" + this.world.tenant;
		long position;
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
			BlockingQueue<JsonNode> messages = client
				.subscribe("/topic/tenants/" + this.world.tenant + "/weekly-reports/walt/2026-W47", null);
			Thread.sleep(200);

			Response recorded = send("/api/time-entries", correlationId, Map.of("projectId", this.world.projectId,
					"start", "2026-11-16T09:00:00Z", "end", "2026-11-16T10:00:00Z"));

			assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
			assertThat(recorded.header(CorrelationId.HEADER)).isEqualTo(correlationId);
			position = recorded.position();
			assertThat(metadataAt(position).get("correlationId").asText()).isEqualTo(correlationId);
			assertThat(StompTestClient.next(messages, WAIT)).as("invalidation").isNotNull();
		}
		assertThat(this.jdbc.sql("SELECT DISTINCT correlation_id FROM change_log WHERE position = ?")
			.param(position)
			.query(String.class)
			.list()).containsExactly(correlationId);
		await().atMost(WAIT).untilAsserted(() -> {
			List<JsonNode> lines = jsonLines(output, correlationId);
			assertThat(lines).anySatisfy((line) -> {
				assertThat(line.get("log").get("logger").asText()).endsWith("CommandMetrics");
				assertThat(line.get("message").asText()).startsWith("RecordTimeEntry success (201)");
			});
			assertThat(lines).anySatisfy((line) -> {
				assertThat(line.get("log").get("logger").asText()).endsWith("LiveSubscriptions");
				assertThat(line.get("message").asText()).startsWith("Pushed TimeEntryRecorded at " + position);
			});
		});
	}

	@Test
	void everyEventAWriteStores_carriesItsCorrelationId() {
		String correlationId = "stop-" + this.world.tenant;
		Response started = this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "at", "2026-11-16T09:00:00Z"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);

		Response stopped = send("/api/time-entries/stop", correlationId, Map.of("at", "2026-11-16T10:00:00Z"));

		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		assertThat(this.jdbc
			.sql("SELECT payload_type FROM domain_event_entry WHERE meta_data ->> 'correlationId' = ?"
					+ " ORDER BY global_index")
			.param(correlationId)
			.query(String.class)
			.list()).containsExactly("TimerStopped", "TimeEntryRecorded");
	}

	@Test
	void aRequestWithoutAValidCorrelationId_getsAGeneratedOne() {
		Response none = this.api.get("/api/projects", this.world.worker);
		Response unsafe = this.api.send(this.api.request("/api/projects", this.world.worker)
			.header(CorrelationId.HEADER, "two words\"and a quote")
			.GET());
		Response tooLong = this.api.send(this.api.request("/api/projects", this.world.worker)
			.header(CorrelationId.HEADER, "x".repeat(65))
			.GET());

		String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
		assertThat(none.header(CorrelationId.HEADER)).matches(uuid);
		assertThat(unsafe.header(CorrelationId.HEADER)).matches(uuid);
		assertThat(tooLong.header(CorrelationId.HEADER)).matches(uuid);
		assertThat(none.header(CorrelationId.HEADER)).isNotEqualTo(unsafe.header(CorrelationId.HEADER));
	}

	@Test
	void anEventStoredWithoutAClientsId_carriesTheGeneratedOne_andItsCommandsOrigin() {
		Response recorded = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		JsonNode metadata = metadataAt(recorded.position());
		assertThat(metadata.get("correlationId").asText()).isEqualTo(recorded.header(CorrelationId.HEADER));
		assertThat(metadata.get("causationId").asText()).isNotEqualTo(metadata.get("correlationId").asText());
		assertThat(metadata.has("traceId")).isTrue();
	}

	@Test
	void theEventFeed_staysAsAPIMdDescribesIt_withoutMetadata() {
		String integration = this.api.token(this.world.tenant, "ivy", "integration");
		send("/api/time-entries", "feed-" + this.world.tenant, Map.of("projectId", this.world.projectId, "start",
				"2026-11-16T09:00:00Z", "end", "2026-11-16T10:00:00Z"));

		JsonNode event = this.api.get("/api/events?after=0", integration).json().get("events").get(1);

		assertThat(event.fieldNames()).toIterable()
			.containsExactly("position", "eventId", "type", "revision", "aggregateId", "occurredAt", "actor", "data");
		assertThat(event.toString()).doesNotContain("feed-" + this.world.tenant);
	}

	private Response send(String path, String correlationId, Map<String, String> body) {
		return this.api.post(path, this.world.worker, body, CorrelationId.HEADER, correlationId);
	}

	private JsonNode metadataAt(long position) {
		try {
			return JSON.readTree(this.jdbc.sql("SELECT meta_data::text FROM domain_event_entry WHERE global_index = ?")
				.param(position)
				.query(String.class)
				.single());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The JSON log lines that carry the correlation id. */
	private static List<JsonNode> jsonLines(CapturedOutput output, String correlationId) {
		return output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains(correlationId))
			.map((line) -> {
				try {
					return JSON.readTree(line);
				}
				catch (Exception ex) {
					throw new IllegalStateException("Not a JSON line: " + line, ex);
				}
			})
			.filter((line) -> correlationId.equals(line.path("correlationId").asText()))
			.toList();
	}

}
