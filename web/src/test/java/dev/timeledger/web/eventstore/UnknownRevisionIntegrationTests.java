package dev.timeledger.web.eventstore;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stored event of a revision this server cannot read (no upcaster for it, or stored by
 * a newer server) is never read as the current shape with defaults for what differs: the
 * feed fails, and a projection parks the event for an operator.
 */
class UnknownRevisionIntegrationTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Test
	void anEventOfAnUnknownRevision_failsTheFeed_andIsParkedByTheProjections() throws Exception {
		String entryId = UUID.randomUUID().toString();
		String payload = """
				{"tenantId":"%s","userId":"walt","week":"2026-W47","entryId":"%s","projectId":"%s",
				 "start":"2026-11-17T09:00:00Z","end":"2026-11-17T10:30:00Z","durationSeconds":5400,
				 "billable":true,"zone":"UTC","actorId":"walt","source":"manual"}""".formatted(this.world.tenant,
				entryId, this.world.projectId);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			HandAppends.firstWorklogEvent(connection, this.world.tenant, "walt", "TimeEntryRecorded", "7", payload);
			connection.commit();
		}

		Response feed = this.api.get("/api/events", this.api.token(this.world.tenant, "ivy", "integration"));
		assertThat(TestWorld.isProblem(feed, 500, "internal-error")).as(feed.body()).isTrue();

		String operator = this.api.token(this.world.tenant, "otto", "operator");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(parked(operator))
				.containsOnlyKeys("weekly-report", "team-weekly-report", "project-report", "timesheet")
				.allSatisfy((projection, error) -> assertThat(error).contains("revision 7", "reads revision 1")));
		JsonNode walts = this.api.get("/api/reports/weekly?week=2026-W47", this.world.worker).json();
		assertThat(walts.get("entries")).isEmpty();

		// everything else goes on
		Response other = this.world.record(this.world.otherWorker, "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z");
		JsonNode olgas = this.api
			.get("/api/reports/weekly?week=2026-W47&consistentWith=" + other.position(), this.world.otherWorker)
			.json();
		assertThat(olgas.get("totalSeconds").asLong()).isEqualTo(3600);
	}

	/** The errors of this tenant's parked events, by projection. */
	private Map<String, String> parked(String operator) {
		Map<String, String> errors = new HashMap<>();
		for (String projection : List.of("weekly-report", "team-weekly-report", "project-report", "timesheet")) {
			this.api.get("/api/admin/parked-events?projection=" + projection, operator)
				.json()
				.get("parkedEvents")
				.forEach((event) -> {
					if (this.world.tenant.equals(event.path("tenantId").asText())) {
						errors.put(projection, event.path("error").asText());
					}
				});
		}
		return errors;
	}

}
