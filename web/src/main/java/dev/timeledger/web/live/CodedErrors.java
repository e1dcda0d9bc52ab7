package dev.timeledger.web.live;

import java.util.Set;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Every {@code ERROR} frame's {@code message} starts with a code: the gate's refusals
 * carry theirs, and what STOMP itself refuses (a frame it cannot read, a frame before
 * {@code CONNECT}, a second {@code CONNECT}, a {@code SUBSCRIBE} without an id) is
 * {@code invalid-frame}, followed by the reason.
 */
class CodedErrors extends StompSubProtocolErrorHandler {

	static final Set<String> CODES = Set.of("unauthorized", "forbidden", "invalid-destination", "invalid-since",
			"send-not-allowed", "invalid-frame", "rate-limited", "connect-timeout", "token-expired");

	@Override
	protected Message<byte[]> handleInternal(StompHeaderAccessor error, byte[] payload, Throwable cause,
			StompHeaderAccessor client) {
		String message = error.getMessage();
		if (message == null || !CODES.contains(message.split(":", 2)[0])) {
			error.setMessage("invalid-frame: " + ((message != null) ? message : "the frame cannot be handled"));
		}
		return super.handleInternal(error, payload, cause, client);
	}

}
