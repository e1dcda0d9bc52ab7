package dev.timeledger.web.ratelimit;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(
		properties = { "timeledger.rate-limits.requests-per-second=0.01", "timeledger.rate-limits.request-burst=5",
				"timeledger.rate-limits.streams-per-user=2", "timeledger.feed.heartbeat=200ms" })
class RateLimitIntegrationTests extends ApiTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void requestsBeyondAUsersBurst_answer429_storeNothing_andLeaveOtherUsersAlone() {
		String worker = this.api.token(this.world.tenant, "rita", "worker");
		String colleague = this.api.token(this.world.tenant, "ruth", "worker");
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.get("/api/projects", worker).status()).isEqualTo(200);
		}
		long events = this.world.eventCount();

		Response refused = this.api.post("/api/time-entries", worker, Map.of("projectId", this.world.projectId, "start",
				"2026-11-16T09:00:00Z", "end", "2026-11-16T10:00:00Z"));

		assertThat(TestWorld.isProblem(refused, 429, "rate-limited")).as(refused.body()).isTrue();
		// a token every 100 s
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(90L, 100L);
		assertThat(this.world.eventCount()).isEqualTo(events);
		assertThat(this.api.get("/api/projects", colleague).status()).isEqualTo(200);
		assertThat(TestWorld.isProblem(this.api.get("/api/projects", worker), 429, "rate-limited")).isTrue();
	}

	@Test
	void anEventStreamCountsAsOneRequest_alsoWhenItEnds() throws Exception {
		String integration = this.api.token(this.world.tenant, "ines", "integration");
		open(integration).close();
		// the server notices the closed stream within two heartbeats and ends it, which
		// dispatches the stream's request once more
		Thread.sleep(1000);

		for (int i = 0; i < 4; i++) {
			assertThat(this.api.get("/api/events", integration).status()).isEqualTo(200);
		}
		assertThat(TestWorld.isProblem(this.api.get("/api/events", integration), 429, "rate-limited")).isTrue();
	}

	@Test
	void aUserHoldsAtMostTheConfiguredEventStreams_andGetsOneBackWhenItCloses() throws Exception {
		String integration = this.api.token(this.world.tenant, "iris", "integration");
		List<InputStream> open = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			HttpResponse<InputStream> stream = this.http.sendAsync(
					this.api.request("/api/events/stream", integration).header("Accept", "text/event-stream").build(),
					HttpResponse.BodyHandlers.ofInputStream())
				.get(10, TimeUnit.SECONDS);
			assertThat(stream.statusCode()).isEqualTo(200);
			open.add(stream.body());
		}

		Response third = this.api.stream(this.api.request("/api/events/stream", integration), 1, Duration.ofSeconds(5));
		assertThat(TestWorld.isProblem(third, 429, "too-many-streams")).as(third.body()).isTrue();
		assertThat(third.header("Retry-After")).isEqualTo("1");

		open.get(0).close();
		// the server notices the closed stream within two heartbeats
		Response again = third;
		for (int attempt = 0; attempt < 20 && again.status() == 429; attempt++) {
			Thread.sleep(250);
			again = this.api.stream(this.api.request("/api/events/stream", integration), 1, Duration.ofSeconds(1));
		}
		assertThat(again.status()).isEqualTo(200);
		open.get(1).close();
	}

	/** Opens an event stream and answers its body, open until closed. */
	private InputStream open(String token) throws Exception {
		HttpResponse<InputStream> stream = this.http
			.sendAsync(this.api.request("/api/events/stream", token).header("Accept", "text/event-stream").build(),
					HttpResponse.BodyHandlers.ofInputStream())
			.get(10, TimeUnit.SECONDS);
		assertThat(stream.statusCode()).isEqualTo(200);
		return stream.body();
	}

}
