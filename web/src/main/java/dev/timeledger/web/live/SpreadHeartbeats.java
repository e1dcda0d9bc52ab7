package dev.timeledger.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.TaskScheduler;

/**
 * Spreads the broker's heart-beats over a quarter of an interval. The broker writes a
 * heart-beat to every connection at once, once per interval: with 10,000 connections,
 * 10,000 frames in one burst every 10 s, which held everything else up for a hundred
 * milliseconds and more. Each heart-beat instead goes out after a random delay below a
 * quarter of the interval. Between two heart-beats of a connection there are then at most
 * one and a quarter intervals, and at most two and a quarter between {@code CONNECTED}
 * and the first (the broker's check runs once per interval and writes to connections
 * whose last write is older than an interval); clients give up after two and a half or
 * three.
 */
final class SpreadHeartbeats implements ChannelInterceptor {

	private static final String DELAYED = "timeledger.heartbeat.delayed";

	private final TaskScheduler scheduler;

	private final long spreadMillis;

	SpreadHeartbeats(TaskScheduler scheduler, Duration interval) {
		this.scheduler = scheduler;
		this.spreadMillis = Math.max(1, interval.toMillis() / 4);
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.HEARTBEAT
				|| message.getHeaders().containsKey(DELAYED)) {
			return message;
		}
		Message<?> later = MessageBuilder.fromMessage(message).setHeader(DELAYED, Boolean.TRUE).build();
		this.scheduler.schedule(() -> channel.send(later),
				Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(this.spreadMillis)));
		return null;
	}

}
