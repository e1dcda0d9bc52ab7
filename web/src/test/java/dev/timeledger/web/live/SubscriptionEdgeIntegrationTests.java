package dev.timeledger.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.Jwts;
import dev.timeledger.web.support.RawStompClient;
import dev.timeledger.web.support.StompFrames;
import dev.timeledger.web.support.StompFrames.Frame;
import dev.timeledger.web.support.StompTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions a client gets slightly wrong, and an event stream that outlives its
 * token: each ends in a defined answer, never in silence or a leak.
 */
class SubscriptionEdgeIntegrationTests extends ApiTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	RSAKey localSigningKey;

	@Test
	void aReusedSubscriptionId_replacesTheSubscriptionItNamed() {
		try (RawStompClient client = RawStompClient.open(this.port)) {
			assertThat(client.connect("Bearer " + this.world.worker).nextFrame(WAIT).command()).isEqualTo("CONNECTED");
			client.sendText(subscribe("a", weekly("2026-W45")));
			client.sendText(subscribe("a", weekly("2026-W46")));
			client.sendText(StompFrames.frame("UNSUBSCRIBE", "id:a"));
			client.sendText(subscribe("b", weekly("2026-W47")).replace("\n\n", "\nreceipt:ready\n\n"));
			assertThat(client.nextFrame(WAIT).header("receipt-id")).isEqualTo("ready");
			this.world.recordEntry("2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z");
			this.world.recordEntry("2026-11-10T09:00:00Z", "2026-11-10T10:00:00Z");
			long last = this.world.record(this.world.worker, "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z").position();

			List<Frame> messages = new ArrayList<>();
			for (Frame frame = client.nextFrame(WAIT); frame != null; frame = client.nextFrame(WAIT)) {
				messages.add(frame);
				if (Long.toString(last).equals(frame.header("position"))) {
					break;
				}
			}

			assertThat(messages).extracting(Frame::command).containsOnly("MESSAGE");
			assertThat(messages).extracting((frame) -> frame.header("subscription"))
				.as("the unsubscribed id delivers nothing, neither of its destinations")
				.containsExactly("b");
		}
	}

	@Test
	void aSinceBeyondEveryStoredEvent_answersAResetAtTheNewestEvent_thenEveryChange() throws Exception {
		long head = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z").position();
		assertThat(this.api.get("/api/reports/weekly?week=2026-W47&consistentWith=" + head, this.world.worker).status())
			.isEqualTo(200);
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
			BlockingQueue<JsonNode> messages = client.subscribe("/topic/" + weekly("2026-W47"), head + 1_000);

			JsonNode reset = StompTestClient.next(messages, WAIT);
			Response next = this.world.record(this.world.worker, "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z");
			JsonNode invalidate = StompTestClient.next(messages, WAIT);

			assertThat(reset.get("type").asText()).isEqualTo("reset");
			assertThat(reset.get("position").asLong()).isBetween(head, next.position() - 1);
			assertThat(invalidate.get("type").asText()).isEqualTo("invalidate");
			assertThat(invalidate.get("eventPosition").asLong()).isEqualTo(next.position());
		}
	}

	@Test
	void aPlusInAUserId_isAPlus_inTheDestination() throws Exception {
		String plus = this.api.token(this.world.tenant, "c+d", "worker");
		try (StompTestClient client = StompTestClient.connect(this.port, plus)) {
			BlockingQueue<JsonNode> messages = client
				.subscribe("/topic/tenants/" + this.world.tenant + "/weekly-reports/c+d/2026-W47", null);
			Thread.sleep(300);

			Response recorded = this.world.record(plus, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

			JsonNode message = StompTestClient.next(messages, WAIT);
			assertThat(client.errors()).isEmpty();
			assertThat(message).isNotNull();
			assertThat(message.get("eventPosition").asLong()).isEqualTo(recorded.position());
		}
	}

	@Test
	void aWeekThatIsNoIsoWeek_isAnInvalidDestination() {
		for (String week : List.of("2026-w47", "2026-W60", "*")) {
			try (RawStompClient client = RawStompClient.open(this.port)) {
				assertThat(client.connect("Bearer " + this.world.worker).nextFrame(WAIT).command())
					.isEqualTo("CONNECTED");
				client.sendText(subscribe("a", weekly(week)));

				Frame error = client.nextFrame(WAIT);
				assertThat(error.command()).as(week).isEqualTo("ERROR");
				assertThat(error.message()).as(week).startsWith("invalid-destination");
			}
		}
	}

	@Test
	void anEventStream_endsWhenItsTokenExpires() {
		String acceptedForTenSeconds = Jwts.localExpiring(this.localSigningKey, this.world.tenant, "ingo",
				"integration", Instant.now().minusSeconds(50));

		long started = System.nanoTime();
		Response stream = this.api.stream(this.api.request("/api/events/stream", acceptedForTenSeconds).GET(),
				Integer.MAX_VALUE, Duration.ofSeconds(30));
		Duration open = Duration.ofNanos(System.nanoTime() - started);

		assertThat(stream.status()).isEqualTo(200);
		assertThat(stream.body()).contains(":token-expired");
		assertThat(open).as("ended by the expiry, not by the test's wait").isLessThan(Duration.ofSeconds(25));
	}

	private String weekly(String week) {
		return "tenants/" + this.world.tenant + "/weekly-reports/walt/" + week;
	}

	private static String subscribe(String id, String destination) {
		return StompFrames.frame("SUBSCRIBE", "id:" + id, "destination:/topic/" + destination);
	}

	@Test
	void subscribeAndUnsubscribe_withAReceipt_areAnsweredWithIt() {
		try (RawStompClient client = RawStompClient.open(this.port)) {
			assertThat(client.connect("Bearer " + this.world.worker).nextFrame(WAIT).command()).isEqualTo("CONNECTED");

			client.sendText(StompFrames.frame("SUBSCRIBE", "id:a", "destination:/topic/" + weekly("2026-W47"),
					"receipt:subscribed"));
			Frame subscribed = client.nextFrame(WAIT);
			client.sendText(StompFrames.frame("UNSUBSCRIBE", "id:a", "receipt:unsubscribed"));
			Frame unsubscribed = client.nextFrame(WAIT);

			assertThat(subscribed.command()).isEqualTo("RECEIPT");
			assertThat(subscribed.header("receipt-id")).isEqualTo("subscribed");
			assertThat(unsubscribed.command()).isEqualTo("RECEIPT");
			assertThat(unsubscribed.header("receipt-id")).isEqualTo("unsubscribed");
		}
	}

	@Test
	void framesStompRefusesItself_answerAnErrorThatStartsWithACode() {
		List<List<String>> cases = List.of(
				List.of("connect", StompFrames.frame("SUBSCRIBE", "destination:/topic/" + weekly("2026-W47"))),
				List.of("connect", StompFrames.frame("UNSUBSCRIBE")),
				List.of("no connect",
						StompFrames.frame("SUBSCRIBE", "id:a", "destination:/topic/" + weekly("2026-W47"))),
				List.of("connect", StompFrames.frame("CONNECT", "accept-version:1.2", "host:127.0.0.1",
						"Authorization:Bearer " + this.world.worker)));
		for (List<String> frame : cases) {
			try (RawStompClient client = RawStompClient.open(this.port)) {
				if (frame.get(0).equals("connect")) {
					assertThat(client.connect("Bearer " + this.world.worker).nextFrame(WAIT).command())
						.isEqualTo("CONNECTED");
				}
				client.sendText(frame.get(1));

				Frame error = client.nextFrame(WAIT);
				assertThat(error.command()).as(frame.get(1)).isEqualTo("ERROR");
				assertThat(error.message()).as(frame.get(1)).matches("(invalid-frame|unauthorized): .+");
			}
		}
	}

}
