package dev.timeledger.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import dev.timeledger.web.TimeLedgerProperties;
import dev.timeledger.web.security.Caller;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The STOMP sessions of this node: who each one is, how many frames it sent this minute,
 * and when its token expires (the session is then closed with an {@code ERROR} frame,
 * {@code message:token-expired}).
 */
@Component
public class LiveSessions {

	private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final LiveSender sender;

	private final LiveSubscriptions subscriptions;

	private final TaskScheduler scheduler;

	private final int framesPerMinute;

	LiveSessions(LiveSender sender, LiveSubscriptions subscriptions, TaskScheduler liveScheduler,
			TimeLedgerProperties properties) {
		this.sender = sender;
		this.subscriptions = subscriptions;
		this.scheduler = liveScheduler;
		this.framesPerMinute = properties.live().inboundFramesPerMinute();
	}

	void connected(String sessionId, Caller caller, Instant expiresAt) {
		Session session = new Session(caller);
		if (expiresAt != null) {
			session.expiry = this.scheduler.schedule(() -> this.sender.error(sessionId, "token-expired"), expiresAt);
		}
		this.sessions.put(sessionId, session);
	}

	void closed(String sessionId) {
		Session session = this.sessions.remove(sessionId);
		if (session != null && session.expiry != null) {
			session.expiry.cancel(false);
		}
		this.subscriptions.disconnect(sessionId);
		this.sender.forget(sessionId);
	}

	Caller caller(String sessionId) {
		Session session = this.sessions.get(sessionId);
		return (session != null) ? session.caller : null;
	}

	/** Counts a frame; false once the session has sent more than allowed this minute. */
	boolean allowFrame(String sessionId) {
		Session session = this.sessions.get(sessionId);
		return session == null || session.count(this.framesPerMinute);
	}

	/** How many sessions this node serves. */
	public int count() {
		return this.sessions.size();
	}

	/** One connected client. */
	private static final class Session {

		private final Caller caller;

		private ScheduledFuture<?> expiry;

		private long windowStart = System.nanoTime();

		private int frames;

		Session(Caller caller) {
			this.caller = caller;
		}

		synchronized boolean count(int limit) {
			long now = System.nanoTime();
			if (now - this.windowStart > RATE_WINDOW.toNanos()) {
				this.windowStart = now;
				this.frames = 0;
			}
			return ++this.frames <= limit;
		}

	}

}
