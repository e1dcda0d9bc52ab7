package dev.timeledger.web.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.StompTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timesheet destination carries a week's decisions and annotations, one message each,
 * for notifications; its entries' changes go to the reports' destinations only.
 */
class TimesheetInvalidationIntegrationTests extends ApiTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String WEEK = "/api/timesheets/walt/2026-W47";

	@Test
	void everyDecisionAndAnnotation_sendsOneInvalidation_toTheOwnerAndTheManager() throws Exception {
		long since = this.api.get(WEEK, this.world.worker).json().get("position").asLong();
		try (StompTestClient owner = StompTestClient.connect(this.port, this.world.worker);
				StompTestClient manager = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> owners = owner.subscribe(timesheet(), since);
			BlockingQueue<JsonNode> managers = manager.subscribe(timesheet(), since);
			// an entry is no decision: the first message must be the submission's
			this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
			long last = since;

			last = expectOne(owners, managers, last, "TimesheetSubmitted",
					this.api.post(WEEK + "/submission", this.world.worker, null));
			last = expectOne(owners, managers, last, "TimesheetRejected",
					this.api.post(WEEK + "/rejection", this.world.manager, Map.of("reason", "Tuesday missing")));
			last = expectOne(owners, managers, last, "TimesheetSubmitted",
					this.api.post(WEEK + "/submission", this.world.worker, null));
			last = expectOne(owners, managers, last, "TimesheetApproved",
					this.api.post(WEEK + "/approval", this.world.manager, Map.of("comment", "fine")));
			last = expectOne(owners, managers, last, "TimesheetReopened",
					this.api.post(WEEK + "/reopening", this.world.manager, Map.of("reason", "typo")));
			last = expectOne(owners, managers, last, "TimesheetAnnotated",
					this.api.post(WEEK + "/annotations", this.world.manager, Map.of("text", "which ticket?")));
			expectOne(owners, managers, last, "TimesheetAnnotated",
					this.api.post(WEEK + "/annotations", this.world.worker, Map.of("text", "sick Friday")));

			assertThat(StompTestClient.next(owners, Duration.ofMillis(500))).as("nothing more").isNull();
			assertThat(StompTestClient.next(managers, Duration.ofMillis(0))).as("nothing more").isNull();
		}
	}

	/**
	 * Expects the write's message on each subscription, after the previous one; a second
	 * message of the same write would be taken, and fail, as the next write's.
	 * @return the write's position
	 */
	private long expectOne(BlockingQueue<JsonNode> owners, BlockingQueue<JsonNode> managers, long previous,
			String cause, Response write) throws InterruptedException {
		assertThat(write.status()).as(write.body()).isBetween(200, 201);
		long position = write.position();
		assertThat(position).isGreaterThan(previous);
		for (BlockingQueue<JsonNode> messages : List.of(owners, managers)) {
			// StompTestClient drops a message whose position header differs from its body
			JsonNode message = StompTestClient.next(messages, WAIT);
			assertThat(message).as(cause + " at " + position).isNotNull();
			assertThat(message.get("type").asText()).isEqualTo("invalidate");
			assertThat(message.get("projection").asText()).isEqualTo("timesheet");
			assertThat(message.get("key").get("userId").asText()).isEqualTo("walt");
			assertThat(message.get("key").get("week").asText()).isEqualTo("2026-W47");
			assertThat(message.get("cause").asText()).isEqualTo(cause);
			assertThat(message.get("eventPosition").asLong()).isEqualTo(position);
			assertThat(message.get("position").asLong()).isEqualTo(position);
			assertThat(message.get("occurredAt").asText()).isNotBlank();
		}
		return position;
	}

	private String timesheet() {
		return "/topic/tenants/" + this.world.tenant + "/timesheets/walt/2026-W47";
	}

}
