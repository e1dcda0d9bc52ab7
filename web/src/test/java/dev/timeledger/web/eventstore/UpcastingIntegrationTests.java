package dev.timeledger.web.eventstore;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.events.EventCatalog;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored event of an older revision is upcast before anything reads it, by an upcaster
 * registered as a Spring bean ({@link TimeEntryRecorded0to1Upcaster}): the feed, its
 * stream and the timesheet's history serve the current shape and revision, and the
 * projections and the as-of read fold the upcast event.
 */
@Import(TimeEntryRecorded0to1Upcaster.class)
class UpcastingIntegrationTests extends ApiTest {

	private static final String WEEK = "/api/timesheets/walt/2026-W47";

	private static final String CURRENT_REVISION = EventCatalog.byClass(TimeEntryRecorded.class)
		.orElseThrow()
		.revision();

	@Autowired
	DataSource dataSource;

	private String entryId;

	private long position;

	@BeforeEach
	void storeAnEntryOfRevision0() throws SQLException {
		this.entryId = UUID.randomUUID().toString();
		String payload = """
				{"tenantId":"%s","userId":"walt","week":"2026-W47","entryId":"%s","projectId":"%s","task":"design",
				 "description":null,"start":"2026-11-17T09:00:00Z","end":"2026-11-17T10:30:00Z","durationMinutes":90,
				 "billable":true,"zone":"UTC","actorId":"walt"}""".formatted(this.world.tenant, this.entryId,
				this.world.projectId);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			this.position = HandAppends.firstWorklogEvent(connection, this.world.tenant, "walt",
					TimeEntryRecorded0to1Upcaster.REVISION_0.getName(),
					TimeEntryRecorded0to1Upcaster.REVISION_0.getRevision(), payload);
			connection.commit();
		}
	}

	@Test
	void theFeed_servesAnOldRevision_upcastToTheCurrentOne() {
		Response page = this.api.get("/api/events?types=TimeEntryRecorded&after=" + (this.position - 1),
				this.world.manager);

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		JsonNode event = page.json().get("events").get(0);
		assertThat(event.get("revision").asText()).isEqualTo(CURRENT_REVISION);
		assertUpcast(event);
	}

	@Test
	void theEventStream_servesAnOldRevision_upcastToTheCurrentOne() throws IOException {
		Response stream = this.api.stream(
				this.api.request("/api/events/stream?after=" + (this.position - 1), this.world.manager).GET(), 1,
				Duration.ofSeconds(10));

		String data = stream.body().lines().filter((line) -> line.startsWith("data:")).findFirst().orElseThrow();
		JsonNode event = new ObjectMapper().readTree(data.substring("data:".length()));
		assertThat(event.get("revision").asText()).isEqualTo(CURRENT_REVISION);
		assertUpcast(event);
	}

	@Test
	void theHistory_servesAnOldRevision_upcast() {
		Response history = this.api.get(WEEK + "/history", this.world.manager);

		assertThat(history.status()).as(history.body()).isEqualTo(200);
		assertThat(history.json().get("events")).hasSize(1);
		assertUpcast(history.json().get("events").get(0));
	}

	@Test
	void projectionsAndTheAsOfRead_foldAnOldRevision_upcast() {
		String consistent = "consistentWith=" + this.position;

		JsonNode weekly = this.api.get("/api/reports/weekly?week=2026-W47&" + consistent, this.world.worker).json();
		JsonNode timesheet = this.api.get(WEEK + "?" + consistent, this.world.manager).json();
		JsonNode project = this.api
			.get("/api/reports/projects/" + this.world.projectId + "?" + consistent, this.world.manager)
			.json();
		JsonNode asOf = this.api.get(WEEK + "?asOf=" + Instant.now(), this.world.manager).json();

		assertThat(weekly.get("totalSeconds").asLong()).isEqualTo(5400);
		assertThat(timesheet.get("totalSeconds").asLong()).isEqualTo(5400);
		assertThat(timesheet.get("entries").get(0).get("entryId").asText()).isEqualTo(this.entryId);
		assertThat(project.get("totalSeconds").asLong()).isEqualTo(5400);
		assertThat(asOf.get("totalSeconds").asLong()).isEqualTo(5400);
	}

	/** The seeded entry, in the current shape: 90 minutes as seconds, a source. */
	private void assertUpcast(JsonNode event) {
		assertThat(event.get("position").asLong()).isEqualTo(this.position);
		assertThat(event.get("type").asText()).isEqualTo("TimeEntryRecorded");
		assertThat(event.get("data").get("entryId").asText()).isEqualTo(this.entryId);
		assertThat(event.get("data").get("durationSeconds").asLong()).isEqualTo(5400);
		assertThat(event.get("data").get("source").asText()).isEqualTo("manual");
	}

}
