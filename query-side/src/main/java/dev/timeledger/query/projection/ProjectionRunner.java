package dev.timeledger.query.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a streaming event processor for every live and every rebuilding version of every
 * projection, starts rebuilds and switches a caught-up rebuild live.
 * <p>
 * A processor's token lives in {@code token_entry} and is stored in the transaction that
 * writes the projection's rows, so a crash or a stolen claim never counts an event twice.
 * Every node runs the same processors; Axon spreads their segments over the nodes through
 * token claims. Each node compares its processors with {@code projection_version} a few
 * times a second, so a rebuild started or finished on one node is picked up by all.
 */
@Component
public class ProjectionRunner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ProjectionRunner.class);

	/**
	 * A projection's position is the lowest of its segments' tokens. A segment that gets
	 * only events it does not handle stores its token no sooner than this after its last
	 * store; Axon's default (5 s) held read-your-writes back for seconds.
	 */
	private static final long IDLE_TOKEN_STORE_MILLIS = 1;

	private final List<Projection> projections;

	private final ProjectionCatalog catalog;

	private final ProjectionProgress progress;

	private final ArrivalStreamSource source;

	private final TokenStore tokenStore;

	private final TransactionManager axonTransactions;

	private final TransactionTemplate transactions;

	private final DataSource dataSource;

	private final ObjectMapper documents = ProjectionJson.mapper();

	private final int segments;

	private final int batchSize;

	private final Map<String, Running> running = new HashMap<>();

	private volatile boolean started;

	ProjectionRunner(List<Projection> projections, ProjectionCatalog catalog, ProjectionProgress progress,
			EventStorageEngine storageEngine, EventArrivals arrivals, TokenStore tokenStore,
			TransactionManager axonTransactions, TransactionTemplate transactions, DataSource dataSource,
			@Value("${timeledger.projections.segments:2}") int segments,
			@Value("${timeledger.projections.batch-size:500}") int batchSize,
			@Value("${timeledger.projections.page-size:1000}") int pageSize) {
		this.projections = projections;
		this.catalog = catalog;
		this.progress = progress;
		this.source = new ArrivalStreamSource(storageEngine, arrivals, pageSize);
		this.tokenStore = tokenStore;
		this.axonTransactions = axonTransactions;
		this.transactions = transactions;
		this.dataSource = dataSource;
		this.segments = segments;
		this.batchSize = batchSize;
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
	 * @return the new version, or empty when a rebuild of it already runs
	 */
	public synchronized Optional<Integer> rebuild(Projection projection) {
		Optional<Integer> version = this.transactions.execute((status) -> this.catalog.beginRebuild(projection));
		version.ifPresent((v) -> {
			logger.info("Rebuilding projection {} into version {}", projection.name(), v);
			startProcessor(projection, v);
		});
		return version;
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
		this.running.keySet().stream().toList().forEach(this::stopProcessor);
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
		if (state.rebuilding() && switchIfCaughtUp(projection, state)) {
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
	}

	private boolean switchIfCaughtUp(Projection projection, ProjectionState state) {
		int live = state.liveVersion();
		int rebuilt = state.rebuildingVersion();
		Boolean switched = this.transactions
			.execute((status) -> this.catalog.switchIfCaughtUp(projection.name(), live, rebuilt));
		if (!Boolean.TRUE.equals(switched)) {
			return false;
		}
		logger.info("Projection {} version {} caught up and is live; dropping version {}", projection.name(), rebuilt,
				live);
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
		String name = ProjectionState.processorName(projection.name(), version);
		ProjectionContext context = new ProjectionContext(name, version, this.dataSource, this.documents);
		ScheduledExecutorService coordinator = Executors
			.newSingleThreadScheduledExecutor(threads(name + "-coordinator"));
		ScheduledExecutorService workers = Executors.newScheduledThreadPool(this.segments, threads(name + "-worker"));
		PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
			.name(name)
			.eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
				.eventHandlers(projection.handler(context))
				.sequencingPolicy(SequentialPerAggregatePolicy.instance())
				.listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
				.build())
			.errorHandler(PropagatingErrorHandler.instance())
			.messageSource(this.source)
			.tokenStore(this.tokenStore)
			.transactionManager(this.axonTransactions)
			.coordinatorExecutor(coordinator)
			.workerExecutor(workers)
			.initialSegmentCount(this.segments)
			.batchSize(this.batchSize)
			.claimExtensionThreshold(IDLE_TOKEN_STORE_MILLIS)
			.initialToken(StreamableMessageSource::createTailToken)
			.build();
		processor.registerHandlerInterceptor((unitOfWork, chain) -> {
			unitOfWork.root().getOrComputeResource("projection-progress", (key) -> {
				unitOfWork.root().afterCommit((committed) -> this.progress.advanced(projection.name()));
				return Boolean.TRUE;
			});
			return chain.proceed();
		});
		processor.start();
		this.running.put(name, new Running(processor, coordinator, workers));
	}

	private void stopProcessor(String name) {
		Running stopped = this.running.remove(name);
		if (stopped != null) {
			try {
				stopped.processor().shutdownAsync().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				logger.warn("Processor {} did not stop cleanly: {}", name, ex.getMessage());
			}
			stopped.coordinator().shutdownNow();
			stopped.workers().shutdownNow();
		}
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private record Running(PooledStreamingEventProcessor processor, ScheduledExecutorService coordinator,
			ScheduledExecutorService workers) {
	}

}
