package dev.timeledger.web.observability;

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
import static org.awaitility.Awaitility.await;

/** What an operator scraping {@code /actuator/prometheus} sees move. */
@ObservabilityTest
class MetricsIntegrationTests extends ApiTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String COMMANDS = "timeledger_commands_seconds_count";

	private static final List<String> PROJECTIONS = List.of("weekly-report", "team-weekly-report", "project-report",
			"timesheet");

	@Test
	void writes_countByCommandTypeAndOutcome_withTheProblemCodeOfARefusal() {
		Scrape before = Scrape.of(this.api);
		Map<String, String> start = Map.of("projectId", this.world.projectId);

		Response started = this.api.post("/api/time-entries/start", this.world.worker, start);
		Response again = this.api.post("/api/time-entries/start", this.world.worker, start);

		assertThat(started.status()).as(started.body()).isEqualTo(201);
		assertThat(again.status()).as(again.body()).isEqualTo(409);
		Scrape after = Scrape.of(this.api);
		String[] success = { "type=\"StartTimer\"", "outcome=\"success\"", "code=\"none\"" };
		String[] rejected = { "type=\"StartTimer\"", "outcome=\"rejected\"", "code=\"timer-already-running\"" };
		assertThat(after.value(COMMANDS, success) - before.value(COMMANDS, success)).isEqualTo(1);
		assertThat(after.value(COMMANDS, rejected) - before.value(COMMANDS, rejected)).isEqualTo(1);
	}

	@Test
	void aReplayedWrite_countsAsReplayed_notAsASecondSuccess() {
		Map<String, String> start = Map.of("projectId", this.world.projectId);
		String[] success = { "type=\"StartTimer\"", "outcome=\"success\"" };
		String[] replayed = { "type=\"StartTimer\"", "outcome=\"replayed\"" };
		assertThat(this.api.post("/api/time-entries/start", this.world.worker, start, "key-1").status()).isEqualTo(201);
		Scrape before = Scrape.of(this.api);

		Response replay = this.api.post("/api/time-entries/start", this.world.worker, start, "key-1");

		assertThat(replay.status()).isEqualTo(201);
		Scrape after = Scrape.of(this.api);
		assertThat(after.value(COMMANDS, replayed) - before.value(COMMANDS, replayed)).isEqualTo(1);
		assertThat(after.value(COMMANDS, success)).isEqualTo(before.value(COMMANDS, success));
	}

	@Test
	void stompClients_showInTheSessionAndSubscriptionGauges() {
		double sessions = Scrape.of(this.api).value("timeledger_live_sessions");
		double subscriptions = Scrape.of(this.api).value("timeledger_live_subscriptions");
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(Scrape.of(this.api).value("timeledger_live_sessions"))
					.isEqualTo(sessions + 1));
			client.subscribe(weekly(), null);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(Scrape.of(this.api).value("timeledger_live_subscriptions"))
					.isEqualTo(subscriptions + 1));
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(Scrape.of(this.api).value("timeledger_live_sessions")).isEqualTo(sessions));
	}

	@Test
	void aChangeThatReachesASubscriber_isTimedFromItsEventToItsPush() throws Exception {
		String count = "timeledger_live_fanout_latency_seconds_count";
		String weeklyReport = "projection=\"weekly-report\"";
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
			BlockingQueue<JsonNode> messages = client.subscribe(weekly(), null);
			Thread.sleep(200);
			double before = Scrape.of(this.api).value(count, weeklyReport);

			this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

			assertThat(StompTestClient.next(messages, WAIT)).as("invalidation").isNotNull();
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(Scrape.of(this.api).value(count, weeklyReport)).isEqualTo(before + 1));
			assertThat(Scrape.of(this.api).value("timeledger_live_fanout_latency_seconds_max", weeklyReport))
				.isGreaterThan(0)
				.isLessThan(WAIT.toSeconds());
		}
	}

	@Test
	void everyProjection_hasLagGauges_thatReturnToZeroOnceItCaughtUp() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		await().atMost(WAIT).untilAsserted(() -> {
			Scrape scrape = Scrape.of(this.api);
			for (String projection : PROJECTIONS) {
				String label = "projection=\"" + projection + "\"";
				assertThat(scrape.has("timeledger_projection_lag_events", label)).as(projection).isTrue();
				assertThat(scrape.has("timeledger_projection_lag_seconds", label)).as(projection).isTrue();
				assertThat(scrape.value("timeledger_projection_lag_events", label)).as(projection).isZero();
				assertThat(scrape.value("timeledger_projection_lag_seconds", label)).as(projection).isZero();
				assertThat(scrape.value("timeledger_projection_rebuilding", label)).as(projection).isZero();
			}
		});
	}

	@Test
	void aRebuild_showsItsProgress_untilItGoesLive() {
		String operator = this.api.token(this.world.tenant, "otto", "operator");
		String label = "projection=\"project-report\"";
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		assertThat(Scrape.of(this.api).value("timeledger_projection_rebuild_percent", label)).isNaN();

		Response rebuild = this.api.post("/api/admin/projections/project-report/rebuild?switch=manual", operator, null);

		assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
		await().atMost(WAIT).untilAsserted(() -> {
			Scrape scrape = Scrape.of(this.api);
			assertThat(scrape.value("timeledger_projection_rebuilding", label)).isEqualTo(1);
			assertThat(scrape.value("timeledger_projection_rebuild_percent", label)).isEqualTo(100);
			assertThat(scrape.value("timeledger_projection_rebuild_events", label)).isEqualTo(head(operator));
		});
		Response switched = this.api.post("/api/admin/projections/project-report/switch", operator, null);
		assertThat(switched.status()).as(switched.body()).isEqualTo(200);
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(Scrape.of(this.api).value("timeledger_projection_rebuilding", label)).isZero());
	}

	private long head(String operator) {
		return this.api.get("/api/admin/projections", operator).json().get("head").asLong();
	}

	private String weekly() {
		return "/topic/tenants/" + this.world.tenant + "/weekly-reports/walt/2026-W47";
	}

}
