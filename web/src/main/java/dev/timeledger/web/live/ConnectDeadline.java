package dev.timeledger.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import dev.timeledger.web.TimeLedgerProperties;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * Closes a connection that has not completed an accepted {@code CONNECT} within
 * {@code timeledger.live.connect-timeout}. Without it, a client that never finishes its
 * first frame (no NUL octet, or fewer body bytes than its {@code content-length}) would
 * hold an unauthenticated connection open for good.
 */
@Component
class ConnectDeadline {

	private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

	private final LiveSessions sessions;

	private final LiveSender sender;

	private final TaskScheduler scheduler;

	private final Duration timeout;

	ConnectDeadline(LiveSessions sessions, LiveSender sender, TaskScheduler liveScheduler,
			TimeLedgerProperties properties) {
		this.sessions = sessions;
		this.sender = sender;
		this.scheduler = liveScheduler;
		this.timeout = properties.live().connectTimeout();
	}

	void opened(WebSocketSession session) {
		String sessionId = session.getId();
		this.pending.put(sessionId, this.scheduler.schedule(() -> {
			this.pending.remove(sessionId);
			if (session.isOpen() && this.sessions.caller(sessionId) == null) {
				this.sender.error(sessionId, "connect-timeout: no accepted CONNECT frame within " + this.timeout);
			}
		}, Instant.now().plus(this.timeout)));
	}

	void closed(String sessionId) {
		ScheduledFuture<?> deadline = this.pending.remove(sessionId);
		if (deadline != null) {
			deadline.cancel(false);
		}
	}

}
