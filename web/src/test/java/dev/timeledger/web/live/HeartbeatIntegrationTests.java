package dev.timeledger.web.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.RawStompClient;
import dev.timeledger.web.support.StompFrames;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's heart-beats: every client hears one, and the heart-beats of many
 * connections are spread over a quarter of the interval, not written in one burst.
 */
@TestPropertySource(properties = "timeledger.live.heartbeat=2s")
class HeartbeatIntegrationTests extends ApiTest {

	private static final Duration INTERVAL = Duration.ofSeconds(2);

	private static final int CLIENTS = 40;

	@Test
	void everyClientHearsAHeartbeat_andTheyAreSpread() throws Exception {
		List<RawStompClient> clients = new ArrayList<>();
		try {
			for (int i = 0; i < CLIENTS; i++) {
				RawStompClient client = RawStompClient.open(this.port);
				client.sendText(StompFrames.connect(this.world.manager, "0," + INTERVAL.toMillis()));
				assertThat(client.nextFrame(Duration.ofSeconds(10)).command()).isEqualTo("CONNECTED");
				clients.add(client);
			}
			// the first heart-beat each: at most two and a quarter intervals after
			// CONNECTED (see SpreadHeartbeats)
			// a thread per client: the common pool has one thread on two cores, and a
			// client
			// waited for after another would be timed when that wait ended
			ExecutorService waiters = Executors.newFixedThreadPool(CLIENTS);
			List<Long> nanos = new ArrayList<>();
			try {
				long start = System.nanoTime();
				List<Future<Long>> arrivals = new ArrayList<>();
				for (RawStompClient client : clients) {
					arrivals.add(waiters.submit(
							() -> client.awaitHeartbeat(INTERVAL.multipliedBy(3)) ? System.nanoTime() - start : -1L));
				}
				for (Future<Long> arrival : arrivals) {
					nanos.add(arrival.get(30, TimeUnit.SECONDS));
				}
			}
			finally {
				waiters.shutdownNow();
			}

			assertThat(nanos).as("clients that heard no heart-beat").doesNotContain(-1L);
			assertThat(nanos).allSatisfy((arrival) -> assertThat(arrival)
				.isLessThanOrEqualTo(INTERVAL.multipliedBy(9).dividedBy(4).plusMillis(500).toNanos()));
			long spread = nanos.stream().mapToLong(Long::longValue).max().orElseThrow()
					- nanos.stream().mapToLong(Long::longValue).min().orElseThrow();
			assertThat(Duration.ofNanos(spread)).as("first to last heart-beat").isGreaterThan(INTERVAL.dividedBy(10));
		}
		finally {
			clients.forEach(RawStompClient::close);
		}
	}

}
