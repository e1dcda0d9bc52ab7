package dev.timeledger.web.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.timeledger.query.changelog.Change;
import dev.timeledger.query.changelog.ChangeLog;
import dev.timeledger.query.changelog.Destinations;
import dev.timeledger.query.projection.ProjectionProgress;
import dev.timeledger.web.TimeLedgerProperties;
import dev.timeledger.web.observability.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * The subscriptions of this node's clients, and the delivery of changes to them. A
 * subscription with {@code since} first gets, in order, every change it missed on its
 * destination (or one reset), and only then live changes: changes that arrive while its
 * backlog is read are held and sent after it. Positions only grow per subscription, so
 * nothing arrives twice; the one exception is a {@code since} beyond every stored event,
 * whose reset is at a lower position, the one the projection is complete up to.
 */
@Component
public class LiveSubscriptions {

	private static final Logger logger = LoggerFactory.getLogger(LiveSubscriptions.class);

	private final Map<String, Set<Subscription>> byDestination = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Subscription>> bySession = new ConcurrentHashMap<>();

	private final ChangeLog changeLog;

	private final LiveSender sender;

	private final int backlogLimit;

	private final ExecutorService backlogs = Executors.newFixedThreadPool(2, (runnable) -> {
		Thread thread = new Thread(runnable, "live-backlog");
		thread.setDaemon(true);
		return thread;
	});

	private final FanOutLatency fanOutLatency;

	private final ProjectionProgress progress;

	LiveSubscriptions(ChangeLog changeLog, ProjectionProgress progress, LiveSender sender,
			TimeLedgerProperties properties, FanOutLatency fanOutLatency) {
		this.changeLog = changeLog;
		this.progress = progress;
		this.sender = sender;
		this.backlogLimit = properties.live().backlogLimit();
		this.fanOutLatency = fanOutLatency;
	}

	void subscribe(String sessionId, String subscriptionId, Destinations.Parsed destination, Long since) {
		Subscription subscription = new Subscription(sessionId, subscriptionId, destination, since);
		Subscription replaced = this.bySession.computeIfAbsent(sessionId, (id) -> new ConcurrentHashMap<>())
			.put(subscriptionId, subscription);
		if (replaced != null) {
			// STOMP wants ids unique per connection; a reused one ends the subscription
			// it named, which could not be unsubscribed otherwise
			forget(replaced);
		}
		this.byDestination.computeIfAbsent(destination.destination(), (d) -> ConcurrentHashMap.newKeySet())
			.add(subscription);
		if (since != null) {
			this.backlogs.execute(() -> catchUp(subscription, since));
		}
	}

	void unsubscribe(String sessionId, String subscriptionId) {
		Map<String, Subscription> subscriptions = this.bySession.get(sessionId);
		Subscription removed = (subscriptions != null) ? subscriptions.remove(subscriptionId) : null;
		if (removed != null) {
			forget(removed);
		}
	}

	void disconnect(String sessionId) {
		Map<String, Subscription> subscriptions = this.bySession.remove(sessionId);
		if (subscriptions != null) {
			subscriptions.values().forEach(this::forget);
		}
	}

	/**
	 * Delivers a live change to every subscription of its destination (all of the
	 * projection for a reset), with the correlation id of the request that caused it in
	 * the log context.
	 */
	void deliver(Change change) {
		if (change.correlationId() == null) {
			push(change);
			return;
		}
		try (MDC.MDCCloseable correlated = MDC.putCloseable(CorrelationId.MDC_KEY, change.correlationId())) {
			push(change);
		}
	}

	private void push(Change change) {
		if (change.reset()) {
			this.byDestination.values()
				.forEach((subscriptions) -> subscriptions.stream()
					.filter((subscription) -> subscription.destination.projection().equals(change.projection()))
					.forEach((subscription) -> subscription.offer(change)));
			return;
		}
		Set<Subscription> subscriptions = this.byDestination.get(change.destination());
		if (subscriptions != null && !subscriptions.isEmpty()) {
			subscriptions.forEach((subscription) -> subscription.offer(change));
			this.fanOutLatency.record(change);
			logger.debug("Pushed {} at {} to {} subscriptions of {}", change.cause(), change.position(),
					subscriptions.size(), change.destination());
		}
	}

	/** How many subscriptions this node serves. */
	public int count() {
		return this.bySession.values().stream().mapToInt(Map::size).sum();
	}

	/**
	 * Reads what the subscription missed. A {@code since} beyond the newest stored event
	 * (a position of another or a wiped database) cannot be trusted: it answers a reset
	 * at the position the projection is complete up to, and every change after it
	 * follows.
	 */
	private void catchUp(Subscription subscription, long since) {
		String projection = subscription.destination.projection();
		List<Change> missed;
		try {
			missed = (since > this.progress.head())
					? List.of(ChangeLog.reset(projection, this.progress.position(projection))) : this.changeLog
						.backlog(projection, subscription.destination.destination(), since, this.backlogLimit);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the backlog of {}: {}", subscription.destination.destination(),
					ex.getMessage());
			missed = List.of(ChangeLog.reset(projection, since));
		}
		subscription.caughtUp(missed);
	}

	private void forget(Subscription subscription) {
		subscription.closed = true;
		Set<Subscription> subscriptions = this.byDestination.get(subscription.destination.destination());
		if (subscriptions != null) {
			subscriptions.remove(subscription);
		}
	}

	/** One client's subscription to one destination. */
	private final class Subscription {

		private final String sessionId;

		private final String subscriptionId;

		private final Destinations.Parsed destination;

		private long lastPosition;

		private long lastReset = -1;

		/**
		 * Set once the subscription is gone: a backlog still being read sends nothing.
		 */
		private volatile boolean closed;

		private List<Change> held;

		Subscription(String sessionId, String subscriptionId, Destinations.Parsed destination, Long since) {
			this.sessionId = sessionId;
			this.subscriptionId = subscriptionId;
			this.destination = destination;
			this.lastPosition = (since != null) ? since : -1;
			this.held = (since != null) ? new ArrayList<>() : null;
		}

		synchronized void offer(Change change) {
			if (this.held != null) {
				this.held.add(change);
			}
			else {
				send(change);
			}
		}

		synchronized void caughtUp(List<Change> missed) {
			if (missed.size() == 1 && missed.get(0).reset() && missed.get(0).position() < this.lastPosition) {
				// since was beyond every stored event: what follows the reset is sent
				this.lastPosition = missed.get(0).position();
			}
			missed.forEach(this::send);
			List<Change> live = this.held;
			this.held = null;
			live.forEach(this::send);
		}

		/** Sends each change once, in position order; a reset always goes out, once. */
		private void send(Change change) {
			if (this.closed) {
				return;
			}
			if (change.reset() ? change.position() != this.lastReset : change.position() > this.lastPosition) {
				if (change.reset()) {
					this.lastReset = change.position();
				}
				this.lastPosition = Math.max(this.lastPosition, change.position());
				LiveSubscriptions.this.sender.send(this.sessionId, this.subscriptionId, this.destination.destination(),
						change);
			}
		}

	}

}
