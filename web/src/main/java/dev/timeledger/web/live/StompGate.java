package dev.timeledger.web.live;

import dev.timeledger.query.changelog.Destinations;
import dev.timeledger.web.security.Caller;
import dev.timeledger.web.security.TokenAuthenticator;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Every frame a client sends passes here first. {@code CONNECT} must carry a valid bearer
 * token; {@code SUBSCRIBE} must name a destination of API.md that the caller may read;
 * clients never {@code SEND}, nor the server's own frames; a client that sends too many
 * frames is closed. A refused frame is answered with an {@code ERROR} frame (its
 * {@code message} says why) and the connection closes.
 */
@Component
class StompGate implements ChannelInterceptor {

	private final TokenAuthenticator tokens;

	private final LiveSessions sessions;

	private final LiveSubscriptions subscriptions;

	private final LiveSender sender;

	StompGate(TokenAuthenticator tokens, LiveSessions sessions, LiveSubscriptions subscriptions, LiveSender sender) {
		this.tokens = tokens;
		this.sessions = sessions;
		this.subscriptions = subscriptions;
		this.sender = sender;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() == null) {
			return message;
		}
		String sessionId = accessor.getSessionId();
		StompCommand command = accessor.getCommand();
		if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
			connect(sessionId, accessor);
			return message;
		}
		if (command == StompCommand.DISCONNECT) {
			this.sessions.closed(sessionId);
			return message;
		}
		if (!this.sessions.allowFrame(sessionId)) {
			throw refused("rate-limited", "too many frames; the limit is per minute");
		}
		switch (command) {
			case SUBSCRIBE -> subscribe(sessionId, accessor);
			case UNSUBSCRIBE -> {
				if (accessor.getSubscriptionId() == null) {
					throw refused("invalid-frame", "UNSUBSCRIBE needs an id");
				}
				this.subscriptions.unsubscribe(sessionId, accessor.getSubscriptionId());
				receipt(sessionId, accessor);
			}
			case SEND -> throw refused("send-not-allowed", "clients do not send to destinations");
			case CONNECTED, MESSAGE, RECEIPT, ERROR ->
				throw refused("invalid-frame", command + " is a frame the server sends, not a client");
			default -> {
			}
		}
		return message;
	}

	private void connect(String sessionId, StompHeaderAccessor accessor) {
		try {
			TokenAuthenticator.Authenticated authenticated = this.tokens
				.authenticate(accessor.getFirstNativeHeader("Authorization"));
			this.sessions.connected(sessionId, authenticated.caller(), authenticated.validUntil());
		}
		catch (TokenAuthenticator.InvalidToken ex) {
			throw refused("unauthorized", ex.getMessage());
		}
	}

	private void subscribe(String sessionId, StompHeaderAccessor accessor) {
		Caller caller = this.sessions.caller(sessionId);
		if (caller == null) {
			throw refused("unauthorized", "CONNECT with a bearer token first");
		}
		if (accessor.getSubscriptionId() == null) {
			throw refused("invalid-frame", "SUBSCRIBE needs an id");
		}
		Destinations.Parsed destination = Destinations.parse(accessor.getDestination())
			.orElseThrow(() -> refused("invalid-destination", "no such destination: " + accessor.getDestination()));
		if (!DestinationAccess.allows(caller, destination)) {
			throw refused("forbidden", "you may not subscribe to " + accessor.getDestination());
		}
		String since = accessor.getFirstNativeHeader("since");
		Long position = null;
		if (since != null) {
			try {
				position = Long.parseLong(since.trim());
			}
			catch (NumberFormatException ex) {
				throw refused("invalid-since", "since must be a position, a whole number");
			}
		}
		// before the subscription exists: the receipt comes before any change it sends
		receipt(sessionId, accessor);
		this.subscriptions.subscribe(sessionId, accessor.getSubscriptionId(), destination, position);
	}

	private void receipt(String sessionId, StompHeaderAccessor accessor) {
		if (accessor.getReceipt() != null) {
			this.sender.receipt(sessionId, accessor.getReceipt());
		}
	}

	private static Refused refused(String code, String detail) {
		return new Refused(code, detail);
	}

}
