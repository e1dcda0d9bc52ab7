package dev.timeledger.query.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.timeledger.query.changelog.ChangeLog;

import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a streaming event processor (Axon's tracking processor) for every live and every
 * rebuilding version of every projection, starts rebuilds and switches a caught-up
 * rebuild live. A processor has one segment by default, so its token is the exact
 * position the projection is complete up to (ADR 7); processors of different projections
 * run in parallel and on different nodes. {@link ProjectionProcessors} builds them.
 * <p>
 * A processor's token lives in {@code token_entry} and is stored in the transaction that
 * writes the projection's rows, so a crash or a stolen claim never counts an event twice.
 * Every node runs the same processors; Axon spreads their segments over the nodes through
 * token claims: each node claims at most {@code threads} segments of a processor, and a
 * node with a free thread takes over the segments of a node that stopped renewing its
 * claims. Each node compares its processors with {@code projection_version} a few times a
 * second, so a rebuild started or finished on one node is picked up by all.
 */
@Component
public class ProjectionRunner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ProjectionRunner.class);

	private final List<Projection> projections;

	private final ProjectionCatalog catalog;

	private final ProjectionProgress progress;

	private final ChangeLog changeLog;

	private final ProjectionProcessors processors;

	private final TransactionTemplate transactions;

	private final Map<String, TrackingEventProcessor> running = new HashMap<>();

	private final Map<String, ProjectionContext> contexts = new HashMap<>();

	private volatile boolean started;

	ProjectionRunner(List<Projection> projections, ProjectionCatalog catalog, ProjectionProgress progress,
			ChangeLog changeLog, ProjectionProcessors processors, TransactionTemplate transactions) {
		this.projections = projections;
		this.catalog = catalog;
		this.progress = progress;
		this.changeLog = changeLog;
		this.processors = processors;
		this.transactions = transactions;
	}

	/** The projections by name. */
	public Optional<Projection> projection(String name) {
		return this.projections.stream().filter((projection) -> projection.name().equals(name)).findFirst();
	}

	public List<Projection> projections() {
		return this.projections;
	}

	/**
	 * Starts rebuilding a projection into a new version from the first event, while the
	 * live version keeps serving.
	 * @param projection the projection
	 * @param manualSwitch whether the rebuilt version, once caught up, waits for
	 * {@link #switchNow} instead of going live by itself
	 * @return the new version, or empty when a rebuild of it already runs
	 */
	public synchronized Optional<Integer> rebuild(Projection projection, boolean manualSwitch) {
		Optional<Integer> version = this.transactions
			.execute((status) -> this.catalog.beginRebuild(projection, manualSwitch));
		version.ifPresent((v) -> {
			logger.info("Rebuilding projection {} into version {}", projection.name(), v);
			startProcessor(projection, v);
		});
		return version;
	}

	/**
	 * Makes a rebuilt version live now, if it has caught up with the live one.
	 * @return whether it switched
	 */
	public synchronized boolean switchNow(Projection projection) {
		ProjectionState state = this.catalog.find(projection.name()).orElseThrow();
		return state.rebuilding() && switchIfCaughtUp(projection, state);
	}

	@Override
	public synchronized void start() {
		for (Projection projection : this.projections) {
			this.transactions.executeWithoutResult((status) -> this.catalog.ensure(projection));
		}
		this.started = true;
		synchronize();
	}

	@Override
	public synchronized void stop() {
		this.started = false;
		List<CompletableFuture<Void>> stopping = this.running.values()
			.stream()
			.map(TrackingEventProcessor::shutdownAsync)
			.toList();
		try {
			CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			logger.warn("Processors did not stop cleanly: {}", ex.getMessage());
		}
		this.running.clear();
		this.contexts.clear();
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

	/**
	 * Makes this node's processors match the catalog and switches caught-up rebuilds
	 * live.
	 */
	@Scheduled(fixedDelayString = "${timeledger.projections.sync-interval:200}")
	public synchronized void synchronize() {
		if (!this.started) {
			return;
		}
		for (Projection projection : this.projections) {
			try {
				synchronize(projection);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not synchronize projection {}: {}", projection.name(), ex.getMessage());
			}
		}
	}

	private void synchronize(Projection projection) {
		ProjectionState state = this.catalog.find(projection.name()).orElseThrow();
		if (state.rebuilding() && !state.manualSwitch() && switchIfCaughtUp(projection, state)) {
			state = this.catalog.find(projection.name()).orElseThrow();
		}
		Set<String> wanted = state.rebuilding()
				? Set.of(ProjectionState.processorName(projection.name(), state.liveVersion()),
						ProjectionState.processorName(projection.name(), state.rebuildingVersion()))
				: Set.of(ProjectionState.processorName(projection.name(), state.liveVersion()));
		this.running.keySet()
			.stream()
			.filter((name) -> name.startsWith(projection.name() + "@") && !wanted.contains(name))
			.toList()
			.forEach(this::stopProcessor);
		startIfMissing(projection, state.liveVersion());
		if (state.rebuilding()) {
			startIfMissing(projection, state.rebuildingVersion());
		}
		for (Map.Entry<String, ProjectionContext> context : this.contexts.entrySet()) {
			if (context.getKey().startsWith(projection.name() + "@")) {
				context.getValue()
					.live(context.getKey()
						.equals(ProjectionState.processorName(projection.name(), state.liveVersion())));
			}
		}
	}

	private boolean switchIfCaughtUp(Projection projection, ProjectionState state) {
		int live = state.liveVersion();
		int rebuilt = state.rebuildingVersion();
		Boolean switched = this.transactions.execute((status) -> {
			if (!this.catalog.switchIfCaughtUp(projection.name(), live, rebuilt)) {
				return false;
			}
			this.changeLog.recordReset(projection.name(), this.progress.position(projection.name(), rebuilt));
			return true;
		});
		if (!Boolean.TRUE.equals(switched)) {
			return false;
		}
		logger.info("Projection {} version {} caught up and is live; dropping version {}", projection.name(), rebuilt,
				live);
		ProjectionContext rebuiltContext = this.contexts.get(ProjectionState.processorName(projection.name(), rebuilt));
		if (rebuiltContext != null) {
			rebuiltContext.live(true);
		}
		stopProcessor(ProjectionState.processorName(projection.name(), live));
		this.transactions.executeWithoutResult((status) -> this.catalog.dropVersion(projection, live));
		this.progress.switched(projection.name());
		return true;
	}

	private void startIfMissing(Projection projection, int version) {
		if (!this.running.containsKey(ProjectionState.processorName(projection.name(), version))) {
			startProcessor(projection, version);
		}
	}

	private void startProcessor(Projection projection, int version) {
		ProjectionContext context = this.processors.context(projection, version);
		context.live(this.catalog.find(projection.name()).map((state) -> state.liveVersion() == version).orElse(false));
		this.contexts.put(context.processorName(), context);
		this.running.put(context.processorName(), this.processors.start(projection, context));
	}

	private void stopProcessor(String name) {
		this.contexts.remove(name);
		TrackingEventProcessor stopped = this.running.remove(name);
		if (stopped != null) {
			try {
				stopped.shutdownAsync().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				logger.warn("Processor {} did not stop cleanly: {}", name, ex.getMessage());
			}
		}
	}

}
