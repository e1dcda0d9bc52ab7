package dev.timeledger.web.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.observability.CorrelationId;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.Projections;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison event parks only its own timesheet's sequence: every other sequence, and every
 * other projection, goes on. An operator sees the parked events and a metric, and
 * releases them once the handler is fixed.
 */
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
@Import(PoisonedProjection.class)
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/migration,classpath:db/poison")
class ParkedEventsIntegrationTests extends ApiTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@AfterEach
	void breakTheHandlerAgain() {
		PoisonedProjection.fixed = false;
	}

	@Test
	void aPoisonEvent_parksItsTimesheetOnly_untilAnOperatorReleasesIt(CapturedOutput output) {
		String operator = this.api.token(this.world.tenant, "otto", "operator");
		String sequence = this.world.tenant + ":walt/2026-W47";
		String correlationId = "poison-" + this.world.tenant;
		String poisoned = entry(this.world.worker, "2026-11-16T09:00:00Z", "poison", correlationId);
		String follower = entry(this.world.worker, "2026-11-17T09:00:00Z", "after the poison");
		String otherWeek = entry(this.world.worker, "2026-11-23T09:00:00Z", "next week");
		String otherWorker = entry(this.world.otherWorker, "2026-11-16T09:00:00Z", "olga's");
		long head = this.world.record(this.world.otherWorker, "2026-11-18T09:00:00Z", "2026-11-18T10:00:00Z")
			.position();

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(projection(operator).get("position").asLong()).isEqualTo(head));
		JsonNode parked = parked(operator);
		assertThat(parked.get("parkedEvents")).hasSize(2);
		assertThat(parked.get("parkedEvents").get(0).get("sequence").asText()).isEqualTo(sequence);
		assertThat(parked.get("parkedEvents").get(0).get("type").asText()).isEqualTo("TimeEntryRecorded");
		assertThat(parked.get("parkedEvents").get(0).get("error").asText()).contains("cannot digest entry " + poisoned);
		assertThat(parked.get("parkedEvents").get(1).get("error").asText()).contains("waits behind");
		assertThat(parked.get("counts").get(PoisonedProjection.NAME).asLong()).isEqualTo(2);
		Response everyProjection = this.api.get("/api/admin/parked-events", operator);
		assertThat(everyProjection.status()).as(everyProjection.body()).isEqualTo(200);
		assertThat(everyProjection.json().get("parkedEvents").findValuesAsText("sequence")).contains(sequence);
		assertThat(rows()).containsKeys(otherWeek, otherWorker).doesNotContainKeys(poisoned, follower);
		assertThat(metric()).isEqualTo("2.0");
		assertThat(output.getOut().lines().filter((line) -> line.contains("parked sequence " + sequence)))
			.as("the projection's log line names the request that stored the poison event")
			.anySatisfy((line) -> assertThat(line).contains(correlationId));
		JsonNode report = this.api.get("/api/reports/weekly?week=2026-W47&consistentWith=" + head, this.world.worker)
			.json();
		assertThat(report.get("entries")).as("other projections are not affected").hasSize(2);

		Response stillBroken = release(operator, sequence);
		assertThat(stillBroken.status()).as(stillBroken.body()).isEqualTo(202);
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(parked(operator).get("parkedEvents").get(0).get("attempts").asInt()).isEqualTo(2));
		assertThat(parked(operator).get("parkedEvents")).hasSize(2);

		PoisonedProjection.fixed = true;
		Response released = release(operator, sequence);
		assertThat(released.status()).as(released.body()).isEqualTo(202);
		await().atMost(WAIT).untilAsserted(() -> assertThat(parked(operator).get("parkedEvents")).isEmpty());
		assertThat(rows()).containsKeys(poisoned, follower, otherWeek, otherWorker);
		assertThat(metric()).isEqualTo("0.0");
		assertThat(this.world.payloads("ParkedEventsReleased")).as("a release has no tenant").isEmpty();
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM domain_event_entry
					WHERE payload_type = 'ParkedEventsReleased' AND payload ->> 'sequence' = ? AND payload ->> 'actorId' = 'otto'""")
			.param(sequence)
			.query(Long.class)
			.single()).isEqualTo(2);

		String after = entry(this.world.worker, "2026-11-18T09:00:00Z", "handled at once");
		await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).containsKey(after));
	}

	@Test
	void releases_areForOperators_andOnlyForParkedSequences() {
		String operator = this.api.token(this.world.tenant, "otto", "operator");
		Response notOperator = release(this.world.manager, this.world.tenant + ":walt/2026-W47");
		Response notParked = release(operator, this.world.tenant + ":walt/2026-W47");
		Response unknownProjection = this.api.post("/api/admin/parked-events/releases", operator,
				Map.of("projection", "nope", "sequence", "x"));
		Response noSequence = this.api.post("/api/admin/parked-events/releases", operator,
				Map.of("projection", PoisonedProjection.NAME));

		assertThat(TestWorld.isProblem(notOperator, 403, "forbidden")).as(notOperator.body()).isTrue();
		assertThat(TestWorld.isProblem(notParked, 404, "parked-sequence-not-found")).as(notParked.body()).isTrue();
		assertThat(TestWorld.isProblem(unknownProjection, 404, "projection-not-found")).isTrue();
		assertThat(TestWorld.isProblem(noSequence, 400, "validation-failed")).as(noSequence.body()).isTrue();
		assertThat(this.api.get("/api/admin/parked-events", this.world.manager).status()).isEqualTo(403);
	}

	private String entry(String token, String start, String description) {
		return entry(token, start, description, null);
	}

	/** A new entry of an hour; with the correlation id when it is not null. */
	private String entry(String token, String start, String description, String correlationId) {
		Map<String, String> body = Map.of("projectId", this.world.projectId, "start", start, "end",
				Instant.parse(start).plusSeconds(3600).toString(), "description", description);
		Response recorded = (correlationId != null)
				? this.api.post("/api/time-entries", token, body, CorrelationId.HEADER, correlationId)
				: this.api.post("/api/time-entries", token, body);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		return recorded.json().get("entryId").asText();
	}

	private Response release(String token, String sequence) {
		return this.api.post("/api/admin/parked-events/releases", token,
				Map.of("projection", PoisonedProjection.NAME, "sequence", sequence));
	}

	private JsonNode parked(String operator) {
		return this.api.get("/api/admin/parked-events?projection=" + PoisonedProjection.NAME, operator).json();
	}

	private JsonNode projection(String operator) {
		return Projections.status(this.api, operator, PoisonedProjection.NAME);
	}

	/** The entries the poisoned projection holds for this tenant: their weeks by id. */
	private Map<String, String> rows() {
		Map<String, String> rows = new java.util.HashMap<>();
		this.jdbc.sql("SELECT entry_id, week FROM poisoned_entry WHERE tenant_id = ?")
			.param(this.world.tenant)
			.query((rs) -> {
				rows.put(rs.getString(1), rs.getString(2));
			});
		return rows;
	}

	private String metric() {
		String body = this.api.get("/actuator/prometheus", null).body();
		return body.lines()
			.filter((line) -> line.startsWith("timeledger_projection_parked_events{")
					&& line.contains("projection=\"" + PoisonedProjection.NAME + "\""))
			.map((line) -> line.substring(line.lastIndexOf(' ') + 1))
			.findFirst()
			.orElse("missing");
	}

}
