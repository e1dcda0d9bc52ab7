package dev.timeledger.web.report;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ?consistentWith=<position>} on every read: a read waits until the projection
 * includes the position, and one that is not reached within
 * {@code timeledger.reads.consistency-timeout} (here 3 s instead of 5 s) answers 503
 * {@code not-yet-consistent} with {@code Retry-After}, after that wait and not before.
 */
@TestPropertySource(
		properties = "timeledger.reads.consistency-timeout=" + ConsistencyTimeoutIntegrationTests.TIMEOUT_MILLIS + "ms")
class ConsistencyTimeoutIntegrationTests extends ApiTest {

	static final long TIMEOUT_MILLIS = 3000;

	/** Far past anything a test stores: no projection reaches it. */
	private static final long NEVER_REACHED = 1_000_000_000L;

	@ParameterizedTest
	@ValueSource(strings = { "/api/reports/weekly?user=walt&week=2026-W47", "/api/reports/team-weekly?week=2026-W47",
			"/api/reports/projects/{projectId}?from=2026-W47&to=2026-W47", "/api/timesheets/walt/2026-W47",
			// read from the event store or tables the commands update: they wait for the
			// store
			"/api/projects", "/api/timesheets/walt/2026-W47/history" })
	void aReadConsistentWithAPositionNeverReached_answers503_afterTheConfiguredWait(String read) {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		String path = read.replace("{projectId}", this.world.projectId) + (read.contains("?") ? "&" : "?");

		long started = System.nanoTime();
		Response behind = this.api.get(path + "consistentWith=" + NEVER_REACHED, this.world.manager);
		Duration waited = Duration.ofNanos(System.nanoTime() - started);

		assertThat(TestWorld.isProblem(behind, 503, "not-yet-consistent")).as(behind.body()).isTrue();
		assertThat(behind.header("Retry-After")).matches("[1-9][0-9]*");
		assertThat(behind.json().get("detail").asText()).contains(NEVER_REACHED + " after " + TIMEOUT_MILLIS + " ms");
		assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(TIMEOUT_MILLIS));
	}

	@Test
	void aReadConsistentWithAPositionAboutToBeStored_waitsForIt_andAnswersWithTheWrite() throws Exception {
		Response first = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:30:00Z");
		CompletableFuture<Response> read = CompletableFuture.supplyAsync(() -> this.api
			.get("/api/reports/weekly?week=2026-W47&consistentWith=" + (first.position() + 1), this.world.worker));
		Thread.sleep(300);
		assertThat(read).as("a read of a position not stored yet waits").isNotDone();

		Response second = this.world.record(this.world.worker, "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z");

		Response answer = read.get(TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.position()).isGreaterThanOrEqualTo(second.position());
		assertThat(answer.json().get("totalSeconds").asLong()).isEqualTo(5400 + 3600);
	}

}
