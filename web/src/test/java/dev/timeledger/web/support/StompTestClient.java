package dev.timeledger.web.support;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real STOMP 1.2 client over a real WebSocket, collecting what the server sends:
 * messages per subscription, and the ERROR frame or transport failure that ends the
 * connection.
 */
public final class StompTestClient implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final StompSession session;

	private final Handler handler;

	private StompTestClient(StompSession session, Handler handler) {
		this.session = session;
		this.handler = handler;
	}

	/**
	 * Connects to {@code /ws} with the token; fails when the server refuses the CONNECT.
	 */
	public static StompTestClient connect(int port, String token) {
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
		client.setMessageConverter(new SimpleMessageConverter());
		client.setInboundMessageSizeLimit(1024 * 1024);
		StompHeaders connect = new StompHeaders();
		if (token != null) {
			connect.add("Authorization", "Bearer " + token);
		}
		Handler handler = new Handler();
		try {
			StompSession session = client
				.connectAsync("ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(), connect, handler)
				.get(10, TimeUnit.SECONDS);
			return new StompTestClient(session, handler);
		}
		catch (Exception ex) {
			throw new IllegalStateException("STOMP CONNECT failed: " + handler.errors, ex);
		}
	}

	/**
	 * Subscribes; {@code since} may be null. Returns the queue its messages arrive in.
	 */
	public BlockingQueue<JsonNode> subscribe(String destination, Long since) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		if (since != null) {
			headers.add("since", Long.toString(since));
		}
		BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
		this.session.subscribe(headers, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return byte[].class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				try {
					JsonNode body = JSON.readTree(new String((byte[]) payload, StandardCharsets.UTF_8));
					if (!body.path("position").asText().equals(headers.getFirst("position"))) {
						throw new IllegalStateException("position header differs from the body");
					}
					messages.add(body);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		});
		return messages;
	}

	public void send(String destination, String body) {
		this.session.send(destination, body.getBytes(StandardCharsets.UTF_8));
	}

	public StompSession session() {
		return this.session;
	}

	/** The ERROR frame messages and transport errors seen so far. */
	public List<String> errors() {
		return this.handler.errors;
	}

	/** Waits until the server ended the connection, at most the timeout. */
	public boolean awaitClosed(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.session.isConnected() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return !this.session.isConnected();
	}

	/** Takes the next message, or null when none comes within the timeout. */
	public static JsonNode next(BlockingQueue<JsonNode> messages, Duration timeout) throws InterruptedException {
		return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		if (this.session.isConnected()) {
			this.session.disconnect();
		}
	}

	private static final class Handler extends StompSessionHandlerAdapter {

		private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			this.errors.add(String.valueOf(headers.getFirst("message")));
		}

		@Override
		public void handleException(StompSession session, StompCommand command, StompHeaders headers, byte[] payload,
				Throwable exception) {
			this.errors.add("exception: " + exception.getMessage());
		}

		@Override
		public void handleTransportError(StompSession session, Throwable exception) {
			this.errors.add("transport: " + exception.getMessage());
		}

	}

}
