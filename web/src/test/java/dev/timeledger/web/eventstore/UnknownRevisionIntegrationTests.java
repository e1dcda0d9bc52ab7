package dev.timeledger.web.eventstore;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
				.anySatisfy((error) -> assertThat(error).contains("revision 7", "reads revision 1")));
		JsonNode week = this.api.get("/api/reports/weekly?week=2026-W47", this.world.worker).json();
		assertThat(week.get("entries")).isEmpty();
	}

	private List<String> parked(String operator) {
		List<String> errors = new ArrayList<>();
		this.api.get("/api/admin/parked-events?projection=weekly-report", operator)
			.json()
			.get("parkedEvents")
			.forEach((event) -> {
				// unreadable, the event names no tenant: its sequence is its worklog
				if (event.path("sequence").asText().startsWith(this.world.tenant + ":walt")) {
					errors.add(event.path("error").asText());
				}
			});
		return errors;
	}

}
