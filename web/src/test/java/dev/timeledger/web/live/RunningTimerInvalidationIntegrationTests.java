package dev.timeledger.web.live;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.events.IsoWeek;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.StompTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running timer shows in the report of the week it started in and in the current
 * week's. So a timer started in last week's final hours shows in this week's report too,
 * and its start, stop and discard reach this week's subscribers, also when they happen
 * after the timer's own week (a stop at a past instant, a discard).
 */
class RunningTimerInvalidationIntegrationTests extends ApiTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final IsoWeek current = IsoWeek.containing(Instant.now(), ZoneOffset.UTC);

	private final Instant thisMonday = this.current.start(ZoneOffset.UTC);

	private final String thisWeek = this.current.toString();

	private final String lastWeek = this.current.previous().toString();

	@Test
	void aTimerStartedInLastWeek_invalidatesThisWeeksReport_whichThenShowsIt() throws Exception {
		JsonNode before = report(this.thisWeek, 0);
		assertThat(before.get("runningTimer").isNull()).isTrue();
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
			BlockingQueue<JsonNode> messages = client.subscribe(weeklyReport(this.thisWeek),
					before.get("position").asLong());

			Response started = startTwoHoursBeforeThisWeek();

			assertInvalidation(StompTestClient.next(messages, WAIT), "TimerStarted", started.position());
			assertThat(StompTestClient.next(messages, Duration.ofMillis(500))).as("one message").isNull();
		}
	}

	@Test
	void aTimerOfLastWeekStoppedThisWeek_invalidatesThisWeeksReport_whichNoLongerShowsIt() throws Exception {
		Response started = startTwoHoursBeforeThisWeek();
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
			BlockingQueue<JsonNode> messages = client.subscribe(weeklyReport(this.thisWeek), started.position());

			// stopped at a past instant of last week: its entry is last week's alone
			Response stopped = this.api.post("/api/time-entries/stop", this.world.worker,
					Map.of("at", this.thisMonday.minus(Duration.ofHours(1)).toString()));
			assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);

			JsonNode message = StompTestClient.next(messages, WAIT);
			assertInvalidation(message, "TimerStopped", positionOf("TimerStopped", started.position()));
			assertThat(StompTestClient.next(messages, Duration.ofMillis(500))).as("one message").isNull();
			JsonNode thisWeeks = report(this.thisWeek, message.get("eventPosition").asLong());
			assertThat(thisWeeks.get("runningTimer").isNull()).as(thisWeeks.toString()).isTrue();
			assertThat(thisWeeks.get("entries")).isEmpty();
			JsonNode lastWeeks = report(this.lastWeek, stopped.position());
			assertThat(lastWeeks.get("runningTimer").isNull()).isTrue();
			assertThat(lastWeeks.get("totalSeconds").asLong()).isEqualTo(3600);
			assertThat(lastWeeks.get("entries").get(0).get("entryId").asText())
				.isEqualTo(started.json().get("entryId").asText());
		}
	}

	@Test
	void aTimerOfLastWeekDiscardedThisWeek_invalidatesThisWeeksReport_whichNoLongerShowsIt() throws Exception {
		Response started = startTwoHoursBeforeThisWeek();
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
			BlockingQueue<JsonNode> messages = client.subscribe(weeklyReport(this.thisWeek), started.position());

			Response discarded = this.api.delete("/api/time-entries/running", this.world.worker);
			assertThat(discarded.status()).as(discarded.body()).isEqualTo(204);
			long position = Long.parseLong(discarded.header("TimeLedger-Position"));

			assertInvalidation(StompTestClient.next(messages, WAIT), "TimerDiscarded", position);
			assertThat(StompTestClient.next(messages, Duration.ofMillis(500))).as("one message").isNull();
			for (String week : new String[] { this.thisWeek, this.lastWeek }) {
				JsonNode report = report(week, position);
				assertThat(report.get("runningTimer").isNull()).as(report.toString()).isTrue();
				assertThat(report.get("entries")).isEmpty();
			}
		}
	}

	@Test
	void aTimerStartedWeeksAgo_isShownInItsStartWeekAndThisWeek_notInTheWeeksBetweenOrLater() {
		IsoWeek startWeek = this.current.previous().previous().previous();
		Response started = this.api.post("/api/time-entries/start", this.world.worker, Map.of("projectId",
				this.world.projectId, "at", startWeek.start(ZoneOffset.UTC).plus(Duration.ofHours(9)).toString()));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String entryId = started.json().get("entryId").asText();

		assertThat(report(startWeek.toString(), started.position()).get("runningTimer").path("entryId").asText())
			.isEqualTo(entryId);
		assertThat(report(this.thisWeek, started.position()).get("runningTimer").path("entryId").asText())
			.isEqualTo(entryId);
		for (IsoWeek week : new IsoWeek[] { startWeek.next(), this.current.previous(), this.current.next() }) {
			JsonNode report = report(week.toString(), started.position());
			assertThat(report.get("runningTimer").isNull()).as(week + ": " + report).isTrue();
		}
	}

	/** Starts the timer in last week's final hours; this week's report shows it. */
	private Response startTwoHoursBeforeThisWeek() {
		Response started = this.api.post("/api/time-entries/start", this.world.worker,
				Map.of("projectId", this.world.projectId, "at", this.thisMonday.minus(Duration.ofHours(2)).toString()));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		JsonNode shown = report(this.thisWeek, started.position()).get("runningTimer");
		assertThat(shown.path("entryId").asText()).as("this week shows it")
			.isEqualTo(started.json().get("entryId").asText());
		return started;
	}

	private void assertInvalidation(JsonNode message, String cause, long eventPosition) {
		assertThat(message).as("an invalidation of " + this.thisWeek).isNotNull();
		assertThat(message.get("type").asText()).isEqualTo("invalidate");
		assertThat(message.get("projection").asText()).isEqualTo("weekly-report");
		assertThat(message.get("key").get("userId").asText()).isEqualTo("walt");
		assertThat(message.get("key").get("week").asText()).isEqualTo(this.thisWeek);
		assertThat(message.get("cause").asText()).isEqualTo(cause);
		assertThat(message.get("eventPosition").asLong()).isEqualTo(eventPosition);
		assertThat(message.get("position").asLong()).isEqualTo(eventPosition);
	}

	/** The position of the tenant's first event of a type after a position. */
	private long positionOf(String type, long after) {
		JsonNode events = this.api.get("/api/events?types=" + type + "&after=" + after, this.world.manager)
			.json()
			.get("events");
		assertThat(events).hasSize(1);
		return events.get(0).get("position").asLong();
	}

	private JsonNode report(String week, long consistentWith) {
		Response report = this.api.get("/api/reports/weekly?week=" + week + "&consistentWith=" + consistentWith,
				this.world.worker);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		return report.json();
	}

	private String weeklyReport(String week) {
		return "/topic/tenants/" + this.world.tenant + "/weekly-reports/walt/" + week;
	}

}
