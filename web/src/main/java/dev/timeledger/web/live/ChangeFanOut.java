package dev.timeledger.web.live;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.timeledger.query.changelog.Change;
import dev.timeledger.query.changelog.ChangeLog;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionRunner;
import dev.timeledger.web.TimeLedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tails the change log and hands every new change to this node's subscribers. Woken by
 * the NOTIFY a projection sends when it commits changes, it reads the projections
 * announced beyond its cursor, and once a second all of them ({@link Announcements}).
 * Reads each projection's changes in position order, which is their commit order because
 * one processor writes them, and resumes after the last row read, not the last position
 * ({@link ChangeLog#after}): a rebuild's reset can share its position with the change
 * before it. Bursts to one destination are coalesced: the first change goes out at once,
 * the rest of the window's changes as one message with the latest position.
 */
@Component
class ChangeFanOut implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChangeFanOut.class);

	private final ChangeLog changeLog;

	private final List<String> projections;

	private final LiveSubscriptions subscriptions;

	private final long windowNanos;

	/** Where the tailer stands in each projection's changes. */
	private final Map<String, ChangeLog.Cursor> cursors = new LinkedHashMap<>();

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final Announcements announcements = new Announcements();

	private ScheduledExecutorService scheduler;

	private Thread tailer;

	private volatile boolean running;

	ChangeFanOut(ChangeLog changeLog, ProjectionRunner runner, LiveSubscriptions subscriptions,
			TimeLedgerProperties properties) {
		this.changeLog = changeLog;
		this.projections = runner.projections().stream().map(Projection::name).toList();
		this.subscriptions = subscriptions;
		this.windowNanos = properties.live().coalesceWindow().toNanos();
	}

	/** Changes of any projection may have been committed. */
	void wake() {
		this.announcements.all();
	}

	/** A {@code timeledger_changes} notification's payload. */
	void wake(String announcement) {
		this.announcements.heard(announcement);
	}

	@Override
	public void start() {
		this.projections.forEach((projection) -> this.cursors.put(projection, this.changeLog.last(projection)));
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "live-coalescer");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		this.tailer = new Thread(this::tail, "live-fan-out");
		this.tailer.setDaemon(true);
		this.tailer.start();
	}

	@Override
	public void stop() {
		this.running = false;
		wake();
		this.tailer.interrupt();
		this.scheduler.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void tail() {
		while (this.running) {
			try {
				for (String projection : this.announcements.await(this.cursors, 1000)) {
					readNew(projection);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					// stopping: the read was interrupted
					return;
				}
				logger.warn("Could not read the change log: {}", ex.getMessage());
				sleepQuietly();
			}
		}
	}

	private void readNew(String projection) {
		List<Change> changes;
		do {
			changes = this.changeLog.after(projection, this.cursors.get(projection), 1000);
			for (Change change : changes) {
				offer(change);
				this.cursors.put(projection, ChangeLog.Cursor.after(change));
			}
		}
		while (changes.size() == 1000);
	}

	/**
	 * Sends at once, or folds into the window's trailing message. Runs on the fan-out
	 * thread.
	 */
	private void offer(Change change) {
		if (change.reset() || this.windowNanos == 0) {
			this.subscriptions.deliver(change);
			return;
		}
		long now = System.nanoTime();
		if (this.windows.size() > 100_000) {
			this.windows.values().removeIf((idle) -> idle.pending == null && now - idle.lastSent > this.windowNanos);
		}
		Window window = this.windows.computeIfAbsent(change.destination(), (destination) -> new Window());
		synchronized (window) {
			if (window.pending == null && now - window.lastSent >= this.windowNanos) {
				window.lastSent = now;
				this.subscriptions.deliver(change);
				return;
			}
			boolean scheduled = window.pending != null;
			window.pending = change;
			if (!scheduled) {
				long delay = Math.max(0, window.lastSent + this.windowNanos - now);
				this.scheduler.schedule(() -> flush(change.destination(), window), delay, TimeUnit.NANOSECONDS);
			}
		}
	}

	private void flush(String destination, Window window) {
		Change latest;
		synchronized (window) {
			latest = window.pending;
			window.pending = null;
			window.lastSent = System.nanoTime();
		}
		if (latest != null) {
			this.subscriptions.deliver(latest);
		}
	}

	private static void sleepQuietly() {
		try {
			Thread.sleep(Duration.ofSeconds(1).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The coalescing state of one destination. */
	private static final class Window {

		private volatile long lastSent = Long.MIN_VALUE / 2;

		private volatile Change pending;

	}

}
