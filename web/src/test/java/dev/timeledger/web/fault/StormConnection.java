package dev.timeledger.web.fault;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.timeledger.web.support.StompFrames;

/**
 * One WebSocket connection of a {@link StormClient}: writes {@code CONNECT} and
 * {@code SUBSCRIBE} by hand, puts received frames together and hands them to the client
 * with its attempt number.
 */
final class StormConnection implements WebSocket.Listener {

	private final StormClient client;

	private final int attempt;

	private final String token;

	private final String destination;

	private final StringBuilder partial = new StringBuilder();

	private CompletableFuture<WebSocket> sending;

	StormConnection(StormClient client, int attempt, String token, String destination) {
		this.client = client;
		this.attempt = attempt;
		this.token = token;
		this.destination = destination;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		if (!this.client.opened(this.attempt, webSocket)) {
			webSocket.abort();
			return;
		}
		this.sending = CompletableFuture.completedFuture(webSocket);
		webSocket.request(Long.MAX_VALUE);
		send(StompFrames.connect(this.token, "0,0"));
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			String text = this.partial.toString();
			this.partial.setLength(0);
			for (String frame : text.split("\u0000")) {
				handle(frame);
			}
		}
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.client.lost(this.attempt, "closed " + statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.client.lost(this.attempt, "error: " + cause(error));
	}

	/** Sends after the previous frame went out: the JDK allows one send at a time. */
	private void send(String frame) {
		this.sending = this.sending.thenCompose((webSocket) -> webSocket.sendText(frame, true));
		this.sending.whenComplete((webSocket, failure) -> {
			if (failure != null) {
				this.client.lost(this.attempt, "send: " + cause(failure));
			}
		});
	}

	private void handle(String text) {
		StompFrames.Frame frame = StompFrames.parse(text);
		if (frame == null) {
			return;
		}
		switch (frame.command()) {
			case "CONNECTED" -> this.client.connected(this.attempt)
				.ifPresent((since) -> send(StompFrames.subscribe("0", this.destination, "since:" + since)));
			case "MESSAGE" -> this.client.message(frame.header("position"), frame.body());
			case "ERROR" -> this.client.refused(this.attempt, frame.message());
			default -> {
			}
		}
	}

	/** The innermost exception's class name and the start of its message. */
	static String cause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? ": " + cause.getMessage() : "";
		return cause.getClass().getSimpleName() + message.substring(0, Math.min(message.length(), 60));
	}

}
