package dev.timeledger.web.feed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.timeledger.query.feed.EventFeed;
import dev.timeledger.query.feed.FeedEvent;
import dev.timeledger.query.projection.EventArrivals;
import dev.timeledger.web.TimeLedgerProperties;
import dev.timeledger.web.ratelimit.RateLimited;
import dev.timeledger.web.security.Caller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams the feed as Server-Sent Events: the backlog after the start position, then each
 * new event as soon as its append commits (on any node), with a comment as heart-beat
 * when nothing happens. The {@code id} of each event is its position, so a client resumes
 * with {@code Last-Event-ID}.
 */
@Component
class FeedStreams {

	private static final int PAGE = 500;

	private final EventFeed feed;

	private final EventArrivals arrivals;

	private final Duration heartbeat;

	private final ExecutorService streams = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "event-stream");
		thread.setDaemon(true);
		return thread;
	});

	/** Open streams per user, each holding a thread. */
	private final Map<String, Integer> openPerUser = new ConcurrentHashMap<>();

	private final int perUser;

	FeedStreams(EventFeed feed, EventArrivals arrivals, @Value("${timeledger.feed.heartbeat:15s}") Duration heartbeat,
			TimeLedgerProperties properties) {
		this.feed = feed;
		this.arrivals = arrivals;
		this.heartbeat = heartbeat;
		this.perUser = properties.rateLimits().streamsPerUser();
	}

	SseEmitter open(Caller caller, long after, Set<String> types) {
		String user = caller.key();
		if (!acquire(user)) {
			// a stream whose client went away is noticed within two heartbeats: the
			// first write after the close still succeeds
			throw new RateLimited("too-many-streams",
					"This user already holds " + this.perUser
							+ " open event streams; close one, or resume one with Last-Event-ID",
					Math.max(1, 2 * this.heartbeat.toSeconds()));
		}
		Instant deadline = Caller.tokenDeadline().orElse(null);
		SseEmitter emitter = new SseEmitter(0L);
		AtomicBoolean open = new AtomicBoolean(true);
		Runnable close = () -> {
			if (open.getAndSet(false)) {
				this.openPerUser.computeIfPresent(user, (key, streams) -> (streams > 1) ? streams - 1 : null);
			}
		};
		emitter.onCompletion(close);
		emitter.onTimeout(close);
		emitter.onError((ex) -> close.run());
		this.streams.execute(() -> {
			try {
				stream(emitter, open, caller.tenantId(), after, types, deadline);
			}
			finally {
				close.run();
			}
		});
		return emitter;
	}

	private boolean acquire(String user) {
		boolean[] acquired = new boolean[1];
		this.openPerUser.compute(user, (key, streams) -> {
			int current = (streams != null) ? streams : 0;
			acquired[0] = current < this.perUser;
			return acquired[0] ? current + 1 : streams;
		});
		return acquired[0];
	}

	/**
	 * Sends the events after {@code after}, then live ones, until the client goes away or
	 * its token expires (no {@code deadline}: never): then the stream ends with comment
	 * {@code token-expired}, and the client resumes with a new token and
	 * {@code Last-Event-ID}.
	 */
	private void stream(SseEmitter emitter, AtomicBoolean open, String tenantId, long after, Set<String> types,
			Instant deadline) {
		long cursor = after;
		try {
			// sends the status and headers now, not with the first event: the client
			// knows at once that its stream was accepted, also when nothing happens
			emitter.send(SseEmitter.event().comment("open"));
			while (open.get()) {
				long untilExpiry = (deadline != null) ? Duration.between(Instant.now(), deadline).toMillis()
						: Long.MAX_VALUE;
				if (untilExpiry <= 0) {
					emitter.send(SseEmitter.event().comment("token-expired"));
					emitter.complete();
					return;
				}
				long seen = this.arrivals.signals();
				List<FeedEvent> page = this.feed.after(tenantId, cursor, PAGE, types);
				for (FeedEvent event : page) {
					emitter.send(SseEmitter.event()
						.id(Long.toString(event.position()))
						.name(event.type())
						.data(event, MediaType.APPLICATION_JSON));
					cursor = event.position();
				}
				if (page.size() < PAGE) {
					this.arrivals.await(seen, Math.min(this.heartbeat.toMillis(), untilExpiry), TimeUnit.MILLISECONDS);
					if (this.arrivals.signals() == seen) {
						emitter.send(SseEmitter.event().comment("heartbeat"));
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// also an event that cannot be read, or a database that went away: the client
			// sees the stream end and resumes with Last-Event-ID
			emitter.completeWithError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.complete();
		}
	}

}
