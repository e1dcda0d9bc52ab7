package dev.timeledger.web.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.RawStompClient;
import dev.timeledger.web.support.StompFrames;
import dev.timeledger.web.support.StompFrames.Frame;
import dev.timeledger.web.support.StompTestClient;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken frames, at the WebSocket and at the STOMP level, end the connection that sent
 * them (a STOMP ERROR frame first where STOMP could read that much), and a client on
 * another connection keeps receiving.
 */
class MalformedFrameIntegrationTests extends ApiTest {

	/** Longer than {@code timeledger.live.connect-timeout} (10 s). */
	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String WEEK = "2026-W47";

	@ParameterizedTest(name = "{0}")
	@EnumSource(Abuse.class)
	void aBrokenFrame_endsItsConnection_andOthersKeepReceiving(Abuse abuse) throws Exception {
		try (StompTestClient control = StompTestClient.connect(this.port, this.world.manager);
				RawStompClient client = RawStompClient.open(this.port)) {
			BlockingQueue<JsonNode> messages = control
				.subscribe("/topic/tenants/" + this.world.tenant + "/team-weekly-reports/" + WEEK, null);
			if (abuse.connectFirst) {
				assertThat(client.connect("Bearer " + this.world.manager).nextFrame(WAIT).command())
					.isEqualTo("CONNECTED");
			}

			abuse.send.accept(client, this.world);

			if (abuse.errorMessage != null) {
				Frame error = client.nextFrame(WAIT);
				assertThat(error).as("an ERROR frame").isNotNull();
				assertThat(error.command()).isEqualTo("ERROR");
				assertThat(error.message()).startsWith(abuse.errorMessage);
			}
			assertThat(client.awaitClose(WAIT)).isEqualTo(abuse.closeCode);

			this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
			assertThat(StompTestClient.next(messages, WAIT)).as("the control client's message").isNotNull();
			assertThat(control.errors()).isEmpty();
		}
	}

	/**
	 * Frames larger than the server's 1 KB transport buffers arrive in parts, which STOMP
	 * puts together: a CONNECT and a SUBSCRIBE of 5 KB each work as small ones do.
	 */
	@Test
	void framesLargerThanTheTransportBuffer_arePutTogether() throws Exception {
		String padding = "x-padding:" + "p".repeat(5_000) + "\n";
		try (RawStompClient client = RawStompClient.open(this.port)) {
			client.sendText("CONNECT\naccept-version:1.2\n" + padding + "Authorization:Bearer " + this.world.manager
					+ "\n\n\0");
			assertThat(client.nextFrame(WAIT).command()).isEqualTo("CONNECTED");
			// since the store's head, so that the change reaches it however late the
			// SUBSCRIBE is handled (and nothing older, such as another test's rebuild)
			long head = this.jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")
				.query(Long.class)
				.single();
			client.sendText("SUBSCRIBE\nid:1\nsince:" + head + "\n" + padding + "destination:/topic/tenants/"
					+ this.world.tenant + "/team-weekly-reports/" + WEEK + "\n\n\0");

			long position = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z")
				.position();

			Frame message = client.nextFrame(WAIT);
			assertThat(message.command()).isEqualTo("MESSAGE");
			assertThat(message.header("position")).isEqualTo(Long.toString(position));
		}
	}

	/** A broken input and how the server ends the connection that sent it. */
	enum Abuse {

		/** Bytes that are not STOMP at all, such as a TLS hello to a plain port. */
		GARBAGE_BYTES(false, "", 1002,
				(client, world) -> client
					.sendBinary(new byte[] { 0x16, 0x03, 0x01, (byte) 0xFF, (byte) 0xFE, '\n', 'x', '\n', '\n', 0 })),

		UNKNOWN_COMMAND(false, "", 1002, (client, world) -> client.sendText("HACK\ndestination:/topic/x\n\n\0")),

		/** {@code MESSAGE} is the server's command. */
		SERVER_COMMAND_FROM_CLIENT(true, "invalid-frame", 1002,
				(client, world) -> client.sendText("MESSAGE\ndestination:/topic/tenants/" + world.tenant
						+ "/team-weekly-reports/" + WEEK + "\nsubscription:1\nmessage-id:1\n\n{\"type\":\"reset\"}\0")),

		SUBSCRIBE_BEFORE_CONNECT(false, "", 1002,
				(client, world) -> client.sendText("SUBSCRIBE\nid:1\ndestination:/topic/tenants/" + world.tenant
						+ "/team-weekly-reports/" + WEEK + "\n\n\0")),

		/** A second CONNECT on one connection, with another tenant's token. */
		SECOND_CONNECT(true, "", 1002,
				(client, world) -> client
					.connect("Bearer " + world.api.token(ApiClient.newTenant(), "mia", "manager"))),

		/** The frame never ends: the server does not wait for it forever. */
		NO_NUL_TERMINATOR(false, "connect-timeout", 1002,
				(client, world) -> client
					.sendText("CONNECT\naccept-version:1.2\nAuthorization:Bearer " + world.manager + "\n\n")),

		HEADER_WITHOUT_COLON(true, "", 1002,
				(client, world) -> client.sendText("SUBSCRIBE\nid:1\nnot-a-header\ndestination:/topic/x\n\n\0")),

		BAD_HEADER_ESCAPE(true, "", 1002,
				(client, world) -> client.sendText("SUBSCRIBE\nid:1\ndestination:/topic/tenants/\\x\n\n\0")),

		/** Bytes that are not UTF-8 inside the token. */
		BAD_HEADER_ENCODING(false, "unauthorized", 1002,
				(client, world) -> client.sendBinary(bytes("CONNECT\naccept-version:1.2\nAuthorization:Bearer ",
						new byte[] { (byte) 0xFF, (byte) 0xFE }, "\n\n\0"))),

		/** The body runs past the declared length. */
		CONTENT_LENGTH_SHORTER_THAN_BODY(false, "", 1002,
				(client, world) -> client.sendText("CONNECT\naccept-version:1.2\ncontent-length:1\n\nxyz\0")),

		/** The declared body never comes. */
		CONTENT_LENGTH_LONGER_THAN_BODY(false, "connect-timeout", 1002,
				(client, world) -> client.sendText("CONNECT\naccept-version:1.2\ncontent-length:100\n\nab\0")),

		CONTENT_LENGTH_NEGATIVE(false, "", 1002,
				(client, world) -> client.sendText("CONNECT\naccept-version:1.2\ncontent-length:-5\n\nab\0")),

		CONTENT_LENGTH_BEYOND_LIMIT(false, "", 1002, (client, world) -> {
			client.sendText("CONNECT\naccept-version:1.2\ncontent-length:10000000\n\n");
			client.sendText("more");
		}),

		/** Over the 64 KB STOMP limit, in 10 KB pieces that are each allowed. */
		OVERSIZED_IN_PIECES(true, "", 1002, (client, world) -> {
			client.sendText("SEND\ndestination:/topic/x\n\n");
			for (int i = 0; i < 8; i++) {
				client.sendText("x".repeat(10_000));
			}
		}),

		/**
		 * Far over the 64 KB STOMP limit in one WebSocket message: it arrives in parts,
		 * and the decoder stops at the limit.
		 */
		OVERSIZED_IN_ONE_MESSAGE(false, "", 1002,
				(client, world) -> client.sendText("SEND\ndestination:/topic/x\n\n" + "x".repeat(200_000) + "\0")),

		/** Clients must mask what they send (RFC 6455). */
		UNMASKED_WEBSOCKET_FRAME(false, null, 1002,
				(client, world) -> client.sendFrame(0x1, "CONNECT\n\n\0".getBytes(StandardCharsets.UTF_8), false)),

		INVALID_UTF8_TEXT_MESSAGE(false, null, 1007,
				(client, world) -> client.sendFrame(0x1, new byte[] { 'C', (byte) 0xFF, (byte) 0xFE, '\n' }, true)),

		RESERVED_WEBSOCKET_OPCODE(false, null, 1002, (client, world) -> client.sendFrame(0x3, new byte[] { 1 }, true));

		private final boolean connectFirst;

		private final String errorMessage;

		private final int closeCode;

		private final BiConsumer<RawStompClient, TestWorld> send;

		/**
		 * @param errorMessage how the ERROR frame's message starts; null when the
		 * transport closes without one
		 */
		Abuse(boolean connectFirst, String errorMessage, int closeCode, BiConsumer<RawStompClient, TestWorld> send) {
			this.connectFirst = connectFirst;
			this.errorMessage = errorMessage;
			this.closeCode = closeCode;
			this.send = send;
		}

		private static byte[] bytes(String head, byte[] middle, String tail) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
			bytes.writeBytes(middle);
			bytes.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
			return bytes.toByteArray();
		}

	}

}
