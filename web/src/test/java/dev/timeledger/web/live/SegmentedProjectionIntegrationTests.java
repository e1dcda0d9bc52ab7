package dev.timeledger.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.Concurrently;
import dev.timeledger.web.support.StompTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projections handled by two segments commit their changes out of position order; the
 * change log's visibility horizon must still hand every change to subscribers once and in
 * order.
 */
@TestPropertySource(properties = { "timeledger.projections.segments=2", "timeledger.live.coalesce-window=0" })
class SegmentedProjectionIntegrationTests extends ApiTest {

	private static final int WORKERS = 6;

	private static final int ENTRIES = 5;

	@Test
	void changesWrittenByTwoSegments_reachASubscriberCompleteAndInOrder() throws Exception {
		String destination = "/topic/tenants/" + this.world.tenant + "/team-weekly-reports/2026-W47";
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> messages = client.subscribe(destination, null);
			Thread.sleep(200);

			List<List<Long>> written = Concurrently.run(WORKERS, (worker) -> {
				String token = this.api.token(this.world.tenant, "worker-" + worker, "worker");
				List<Long> positions = new ArrayList<>();
				for (int i = 0; i < ENTRIES; i++) {
					Instant start = Instant.parse("2026-11-16T08:00:00Z").plus(Duration.ofHours(i));
					positions
						.add(this.world.record(token, start.toString(), start.plusSeconds(1800).toString()).position());
				}
				return positions;
			});
			List<Long> expected = written.stream().flatMap(List::stream).sorted().toList();

			List<Long> received = new ArrayList<>();
			while (received.size() < expected.size()) {
				JsonNode message = StompTestClient.next(messages, Duration.ofSeconds(10));
				assertThat(message).as("change %d of %d", received.size() + 1, expected.size()).isNotNull();
				received.add(message.get("position").asLong());
			}
			assertThat(received).containsExactlyElementsOf(expected);
			assertThat(StompTestClient.next(messages, Duration.ofMillis(300))).isNull();
		}
	}

}
