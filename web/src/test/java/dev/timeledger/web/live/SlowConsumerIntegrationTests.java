package dev.timeledger.web.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.Concurrently;
import dev.timeledger.web.support.StompTestClient;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber that stops reading is disconnected once its send buffer or send time runs
 * out, while a subscriber that reads keeps getting its messages. Small limits (and small
 * socket buffers) make the stall show after a few hundred messages.
 */
@Import(SlowConsumerIntegrationTests.SmallSocketBuffers.class)
@TestPropertySource(properties = { "timeledger.live.send-buffer-size=16KB", "timeledger.live.send-time-limit=1s",
		"timeledger.live.coalesce-window=0ms" })
class SlowConsumerIntegrationTests extends ApiTest {

	@Autowired
	LiveSessions sessions;

	@Test
	void aStalledSubscriberIsDisconnected_whileAFastOneKeepsReceiving() throws Exception {
		String destination = "/topic/tenants/" + this.world.tenant + "/team-weekly-reports/2026-W47";
		WebSocket stalled = stalledSubscriber(destination);
		try (StompTestClient fast = StompTestClient.connect(this.port, this.world.manager)) {
			BlockingQueue<JsonNode> messages = fast.subscribe(destination, null);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.sessions.count() == 2);
			List<String> tokens = List.of(this.world.worker, this.world.otherWorker,
					this.api.token(this.world.tenant, "ivan", "worker"),
					this.api.token(this.world.tenant, "ana", "worker"));

			List<Long> last = Concurrently.run(4, (worker) -> {
				long position = 0;
				Instant start = Instant.parse("2026-11-16T00:00:00Z");
				for (int i = 0; i < 160 && this.sessions.count() == 2; i++) {
					Instant from = start.plusSeconds(1800L * i);
					Response recorded = this.world.record(tokens.get(worker), from.toString(),
							from.plusSeconds(900).toString());
					position = Math.max(position, recorded.position());
				}
				return position;
			});

			await().atMost(Duration.ofSeconds(20)).until(() -> this.sessions.count() == 1);
			long newest = last.stream().mapToLong(Long::longValue).max().orElseThrow();
			Response after = this.world.record(this.world.worker, "2026-11-21T23:00:00Z", "2026-11-21T23:30:00Z");
			long received = 0;
			while (received < after.position()) {
				JsonNode message = messages.poll(10, TimeUnit.SECONDS);
				assertThat(message).as("the fast subscriber keeps receiving").isNotNull();
				received = message.get("position").asLong();
			}
			assertThat(received).isGreaterThan(newest);
			assertThat(fast.session().isConnected()).isTrue();
		}
		finally {
			stalled.abort();
		}
	}

	/** A WebSocket client that subscribes and then never asks for another frame. */
	private WebSocket stalledSubscriber(String destination) throws Exception {
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/ws"), new WebSocket.Listener() {
				@Override
				public void onOpen(WebSocket webSocket) {
					webSocket.request(1);
				}

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					return null;
				}
			})
			.get(10, TimeUnit.SECONDS);
		socket.sendText(frame("CONNECT", "accept-version:1.2", "Authorization:Bearer " + this.world.manager), true)
			.get(5, TimeUnit.SECONDS);
		Thread.sleep(300);
		socket.sendText(frame("SUBSCRIBE", "id:0", "destination:" + destination), true).get(5, TimeUnit.SECONDS);
		return socket;
	}

	private static String frame(String command, String... headers) {
		return command + "\n" + String.join("\n", headers) + "\n\n\u0000";
	}

	/**
	 * Socket send buffers of 4 KB, so that a client that does not read fills them soon.
	 * Imported, not annotated: servers that other tests start with this class path scan
	 * it and must not pick it up.
	 */
	static class SmallSocketBuffers {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
			return (factory) -> factory
				.addConnectorCustomizers((Connector connector) -> connector.setProperty("socket.txBufSize", "4096"));
		}

	}

}
