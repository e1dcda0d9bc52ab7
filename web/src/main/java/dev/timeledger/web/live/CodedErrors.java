package dev.timeledger.web.live;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Every {@code ERROR} frame's {@code message} starts with a code: the server's own
 * {@code ERROR} frames ({@code token-expired}, {@code connect-timeout}, which come here
 * without a cause) and the gate's refusals ({@link Refused}) carry theirs, and what STOMP
 * itself refuses (a frame it cannot read, a frame before {@code CONNECT}, a second
 * {@code CONNECT}) is {@code invalid-frame}, followed by the reason.
 */
class CodedErrors extends StompSubProtocolErrorHandler {

	@Override
	protected Message<byte[]> handleInternal(StompHeaderAccessor error, byte[] payload, Throwable cause,
			StompHeaderAccessor client) {
		if (cause != null && !refusedByTheGate(cause)) {
			String message = error.getMessage();
			error.setMessage("invalid-frame: " + ((message != null) ? message : "the frame cannot be handled"));
		}
		return super.handleInternal(error, payload, cause, client);
	}

	private static boolean refusedByTheGate(Throwable cause) {
		for (Throwable failure = cause; failure != null; failure = failure.getCause()) {
			if (failure instanceof Refused) {
				return true;
			}
		}
		return false;
	}

}
