package dev.timeledger.web.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.StompTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribe, change, receive; resume with {@code since}; reset when history is gone. */
class LiveInvalidationIntegrationTests extends ApiTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private String weekly(String user) {
		return "/topic/tenants/" + this.world.tenant + "/weekly-reports/" + user + "/2026-W47";
	}

	@Test
	void aSubscriber_getsAnInvalidation_forEveryChangeOfItsKey() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
			BlockingQueue<JsonNode> messages = client.subscribe(weekly("walt"), null);
			Thread.sleep(200);

			Response recorded = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

			JsonNode message = StompTestClient.next(messages, WAIT);
			assertThat(message).as("invalidation").isNotNull();
			assertThat(message.get("type").asText()).isEqualTo("invalidate");
			assertThat(message.get("projection").asText()).isEqualTo("weekly-report");
			assertThat(message.get("key").get("userId").asText()).isEqualTo("walt");
			assertThat(message.get("key").get("week").asText()).isEqualTo("2026-W47");
			assertThat(message.get("eventPosition").asLong()).isEqualTo(recorded.position());
			assertThat(message.get("position").asLong()).isEqualTo(recorded.position());
			assertThat(message.get("cause").asText()).isEqualTo("TimeEntryRecorded");
			JsonNode report = this.api
				.get("/api/reports/weekly?week=2026-W47&consistentWith=" + message.get("eventPosition").asLong(),
						this.world.worker)
				.json();
			assertThat(report.get("totalSeconds").asLong()).isEqualTo(3600);
		}
	}

	@Test
	void aResumingSubscriber_getsExactlyTheMissedChangesInOrder_thenLiveOnes() throws Exception {
		long last;
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> messages = client.subscribe(weekly("walt"), null);
			Thread.sleep(200);
			this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
			last = StompTestClient.next(messages, WAIT).get("position").asLong();
		}
		List<Long> missed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			missed.add(
					this.world.record(this.world.worker, "2026-11-17T0" + i + ":00:00Z", "2026-11-17T0" + i + ":30:00Z")
						.position());
		}
		this.world.record(this.world.otherWorker, "2026-11-17T01:00:00Z", "2026-11-17T02:00:00Z");
		awaitProjection(missed.get(2));

		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> messages = client.subscribe(weekly("walt"), last);
			List<Long> received = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				received.add(StompTestClient.next(messages, WAIT).get("position").asLong());
			}
			assertThat(received).containsExactlyElementsOf(missed);
			long live = this.world.record(this.world.worker, "2026-11-18T09:00:00Z", "2026-11-18T10:00:00Z").position();
			assertThat(StompTestClient.next(messages, WAIT).get("position").asLong()).isEqualTo(live);
			assertThat(StompTestClient.next(messages, Duration.ofMillis(500))).as("nothing twice").isNull();
		}
	}

	@Test
	void aSubscriberResumingFromBeforeTheRetainedHistory_getsOneReset() throws Exception {
		Response recorded = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		awaitProjection(recorded.position());
		this.jdbc
			.sql("""
					INSERT INTO change_log_horizon (projection, position) VALUES ('weekly-report', ?)
					ON CONFLICT (projection) DO UPDATE SET position = greatest(change_log_horizon.position, EXCLUDED.position)
					""")
			.param(recorded.position())
			.update();

		try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
			BlockingQueue<JsonNode> messages = client.subscribe(weekly("walt"), recorded.position() - 1);
			JsonNode reset = StompTestClient.next(messages, WAIT);

			assertThat(reset.get("type").asText()).isEqualTo("reset");
			assertThat(reset.get("projection").asText()).isEqualTo("weekly-report");
			assertThat(StompTestClient.next(messages, Duration.ofMillis(500))).isNull();
		}
	}

	@Test
	void aRebuildGoingLiveAtTheLastChange_resetsTheSubscribers_liveAndResuming() throws Exception {
		String operator = this.api.token(this.world.tenant, "otto", "operator");
		long last;
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> messages = client.subscribe(weekly("walt"), null);
			BlockingQueue<JsonNode> others = client.subscribe(weekly("olga"), null);
			Thread.sleep(200);
			long walts = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z")
				.position();
			last = this.world.record(this.world.otherWorker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z").position();
			assertThat(StompTestClient.next(messages, WAIT).get("position").asLong()).isEqualTo(walts);
			assertThat(StompTestClient.next(others, WAIT).get("position").asLong()).isEqualTo(last);

			// nothing is appended after the last change, so the rebuilt version goes live
			// at its position, and the reset shares the position with the change just
			// sent
			Response rebuild = this.api.post("/api/admin/projections/weekly-report/rebuild", operator, null);
			assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);

			for (BlockingQueue<JsonNode> subscription : List.of(messages, others)) {
				JsonNode reset = StompTestClient.next(subscription, Duration.ofSeconds(30));
				assertThat(reset).as("the switch's reset, live").isNotNull();
				assertThat(reset.get("type").asText()).isEqualTo("reset");
				assertThat(reset.get("projection").asText()).isEqualTo("weekly-report");
				assertThat(reset.get("position").asLong()).isEqualTo(last);
			}
		}
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			// resumes from a read of the projection at that position, as the browser
			// client does, without having seen the reset; walt's report did not change
			// there
			BlockingQueue<JsonNode> messages = client.subscribe(weekly("walt"), last);
			JsonNode reset = StompTestClient.next(messages, WAIT);
			assertThat(reset).as("the switch's reset, in the backlog").isNotNull();
			assertThat(reset.get("type").asText()).isEqualTo("reset");
		}
	}

	@Test
	void twoProjectionsGoingLiveAtOnePosition_resetEachOnesSubscribers() throws Exception {
		String operator = this.api.token(this.world.tenant, "otto", "operator");
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> weekly = client.subscribe(weekly("walt"), null);
			BlockingQueue<JsonNode> team = client
				.subscribe("/topic/tenants/" + this.world.tenant + "/team-weekly-reports/2026-W47", null);
			Thread.sleep(200);
			long last = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z").position();
			assertThat(StompTestClient.next(weekly, WAIT).get("position").asLong()).isEqualTo(last);
			assertThat(StompTestClient.next(team, WAIT).get("position").asLong()).isEqualTo(last);

			for (String projection : List.of("weekly-report", "team-weekly-report")) {
				Response rebuild = this.api.post("/api/admin/projections/" + projection + "/rebuild", operator, null);
				assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
			}

			for (BlockingQueue<JsonNode> messages : List.of(weekly, team)) {
				JsonNode reset = StompTestClient.next(messages, Duration.ofSeconds(30));
				assertThat(reset).as("a reset on each destination").isNotNull();
				assertThat(reset.get("type").asText()).isEqualTo("reset");
				assertThat(reset.get("position").asLong()).isEqualTo(last);
			}
		}
	}

	@Test
	void aBurstToOneKey_arrivesAsFewMessages_endingWithTheLatestPosition() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> messages = client
				.subscribe("/topic/tenants/" + this.world.tenant + "/project-reports/" + this.world.projectId, null);
			Thread.sleep(200);
			long last = 0;
			for (int i = 0; i < 40; i++) {
				last = this.api
					.patch("/api/projects/" + this.world.projectId, this.world.manager, Map.of("name", "Apollo " + i))
					.position();
			}
			List<JsonNode> received = new ArrayList<>();
			JsonNode message;
			while ((message = StompTestClient.next(messages, Duration.ofSeconds(2))) != null) {
				received.add(message);
				if (message.get("position").asLong() == last) {
					break;
				}
			}
			assertThat(received).isNotEmpty();
			assertThat(received.get(received.size() - 1).get("position").asLong()).isEqualTo(last);
			assertThat(received.size()).isLessThan(40);
		}
	}

	private void awaitProjection(long position) {
		assertThat(this.api
			.get("/api/reports/weekly?user=walt&week=2026-W47&consistentWith=" + position, this.world.manager)
			.status()).isEqualTo(200);
	}

	@Test
	void aProjectRename_invalidatesEveryWeekWithTimeOnTheProject_andNoOther() throws Exception {
		this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		awaitProjection(
				this.world.record(this.world.otherWorker, "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z").position());
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> walts = client.subscribe(weekly("walt"), null);
			BlockingQueue<JsonNode> olgas = client.subscribe(weekly("olga"), null);
			BlockingQueue<JsonNode> emptyWeek = client
				.subscribe("/topic/tenants/" + this.world.tenant + "/weekly-reports/walt/2026-W48", null);
			Thread.sleep(200);

			Response renamed = this.api.patch("/api/projects/" + this.world.projectId, this.world.manager,
					Map.of("name", "Zeus"));

			for (BlockingQueue<JsonNode> messages : List.of(walts, olgas)) {
				JsonNode message = StompTestClient.next(messages, WAIT);
				assertThat(message).isNotNull();
				assertThat(message.get("cause").asText()).isEqualTo("ProjectRenamed");
				assertThat(message.get("eventPosition").asLong()).isEqualTo(renamed.position());
			}
			assertThat(StompTestClient.next(emptyWeek, Duration.ofMillis(500))).as("a week without the project")
				.isNull();
			JsonNode report = this.api
				.get("/api/reports/weekly?week=2026-W47&consistentWith=" + renamed.position(), this.world.worker)
				.json();
			assertThat(report.get("projects").get(0).get("name").asText()).isEqualTo("Zeus");
		}
	}

	@Test
	void aNewMembersFirstEvent_invalidatesEveryTeamWeekOfTheTenant_onlyOnce() throws Exception {
		this.world.record(this.world.worker, "2026-11-09T09:00:00Z", "2026-11-09T10:00:00Z");
		awaitProjection(
				this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z").position());
		String nora = this.api.token(this.world.tenant, "nora", "worker");
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> w46 = client.subscribe(team("2026-W46"), null);
			BlockingQueue<JsonNode> w47 = client.subscribe(team("2026-W47"), null);
			Thread.sleep(200);

			Response started = this.api.post("/api/time-entries/start", nora,
					Map.of("projectId", this.world.projectId));
			for (BlockingQueue<JsonNode> messages : List.of(w46, w47)) {
				JsonNode message = StompTestClient.next(messages, WAIT);
				assertThat(message).as("nora's row in a week she has no time in").isNotNull();
				assertThat(message.get("cause").asText()).isEqualTo("TimerStarted");
				assertThat(message.get("eventPosition").asLong()).isEqualTo(started.position());
			}
			JsonNode report = this.api
				.get("/api/reports/team-weekly?week=2026-W46&consistentWith=" + started.position(), this.world.manager)
				.json();
			assertThat(report.get("rows").findValuesAsText("userId")).contains("nora");

			Response stopped = this.api.post("/api/time-entries/stop", nora, null);
			assertThat(this.api
				.get("/api/reports/team-weekly?week=2026-W46&consistentWith=" + stopped.position(), this.world.manager)
				.status()).isEqualTo(200);
			assertThat(StompTestClient.next(w46, Duration.ofMillis(700))).as("a known member's next event").isNull();
		}
	}

	private String team(String week) {
		return "/topic/tenants/" + this.world.tenant + "/team-weekly-reports/" + week;
	}

}
