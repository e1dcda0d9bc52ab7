package dev.timeledger.web.live;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.query.changelog.Change;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.broker.OrderedMessageChannelDecorator;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Writes {@code MESSAGE} and {@code ERROR} frames to one client. Frames to one session
 * keep their order; a slow session never holds up the others (its buffer and send time
 * are limited by the transport).
 */
@Component
class LiveSender {

	private final ObjectProvider<LiveOutboundChannel> liveOutboundChannel;

	private final Map<String, MessageChannel> sessions = new ConcurrentHashMap<>();

	private final ObjectMapper json;

	private final AtomicLong messageIds = new AtomicLong();

	private final AtomicReference<Body> lastBody = new AtomicReference<>(new Body(null, new byte[0]));

	/**
	 * The channel needs the STOMP handler of the broker configuration, which needs this
	 * sender: resolved late.
	 */
	LiveSender(ObjectProvider<LiveOutboundChannel> liveOutboundChannel, ObjectMapper json) {
		this.liveOutboundChannel = liveOutboundChannel;
		this.json = json;
	}

	/**
	 * The session's own ordered view of the outbound channel: its frames go out one after
	 * the other, while other sessions' frames go out in parallel.
	 */
	private MessageChannel outbound(String sessionId) {
		return this.sessions.computeIfAbsent(sessionId,
				(id) -> new OrderedMessageChannelDecorator(this.liveOutboundChannel.getObject(),
						LogFactory.getLog(LiveSender.class)));
	}

	void forget(String sessionId) {
		this.sessions.remove(sessionId);
	}

	/**
	 * Sends a change, as an {@code invalidate} or {@code reset} message, to one
	 * subscription.
	 */
	void send(String sessionId, String subscriptionId, String destination, Change change) {
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.MESSAGE);
		accessor.setSessionId(sessionId);
		accessor.setSubscriptionId(subscriptionId);
		accessor.setDestination("/topic/" + destination);
		accessor.setMessageId(Long.toString(this.messageIds.incrementAndGet()));
		accessor.setContentType(MimeTypeUtils.APPLICATION_JSON);
		accessor.setNativeHeader("position", Long.toString(change.position()));
		accessor.setLeaveMutable(true);
		outbound(sessionId).send(MessageBuilder.createMessage(body(change), accessor.getMessageHeaders()));
	}

	/**
	 * The message body of a change: serialized once for all the subscribers it is fanned
	 * out to one after the other.
	 */
	private byte[] body(Change change) {
		Body last = this.lastBody.get();
		if (last.change() == change) {
			return last.bytes();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", change.kind());
		body.put("projection", change.projection());
		if (!change.reset()) {
			body.put("key", change.key());
		}
		body.put("position", change.position());
		if (!change.reset()) {
			body.put("eventPosition", change.position());
			body.put("cause", change.cause());
			body.put("occurredAt", change.occurredAt().toString());
		}
		byte[] bytes = bytes(body);
		this.lastBody.set(new Body(change, bytes));
		return bytes;
	}

	/** Sends a {@code RECEIPT} frame: the client's frame with that receipt is handled. */
	void receipt(String sessionId, String receiptId) {
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.RECEIPT);
		accessor.setSessionId(sessionId);
		accessor.setReceiptId(receiptId);
		accessor.setLeaveMutable(true);
		outbound(sessionId).send(MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders()));
	}

	/** Sends an {@code ERROR} frame; the connection closes after it. */
	void error(String sessionId, String message) {
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
		accessor.setSessionId(sessionId);
		accessor.setMessage(message);
		accessor.setLeaveMutable(true);
		outbound(sessionId)
			.send(MessageBuilder.createMessage(message.getBytes(StandardCharsets.UTF_8), accessor.getMessageHeaders()));
	}

	private byte[] bytes(Map<String, Object> body) {
		try {
			return this.json.writeValueAsBytes(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A change and its serialized message body. */
	private record Body(Change change, byte[] bytes) {
	}

}
