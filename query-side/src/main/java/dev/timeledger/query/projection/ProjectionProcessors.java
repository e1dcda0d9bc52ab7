package dev.timeledger.query.projection;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.timeledger.events.EventMetadata;
import dev.timeledger.query.feed.StoredEvents;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the streaming event processor (Axon's tracking processor) of one version of a
 * projection: its handler behind the parking invoker, the event source all processors
 * share, and the configured segments, threads and batch size. A processor handles up to
 * {@code batch-size} events per transaction, which is what makes a rebuild fast; each
 * node claims at most {@code threads} segments of a processor.
 */
@Component
class ProjectionProcessors {

	private final ProjectionProgress progress;

	private final ParkedEvents parked;

	private final StoredEvents stored;

	private final ArrivalStreamSource source;

	private final TokenStore tokenStore;

	private final TransactionManager axonTransactions;

	private final DataSource dataSource;

	private final ObjectMapper documents = ProjectionJson.mapper();

	private final int segments;

	private final int threads;

	private final int batchSize;

	ProjectionProcessors(ProjectionProgress progress, ParkedEvents parked, StoredEvents stored,
			EventStorageEngine storageEngine, EventArrivals arrivals, TokenStore tokenStore,
			TransactionManager axonTransactions, DataSource dataSource,
			@Value("${timeledger.projections.segments:1}") int segments,
			@Value("${timeledger.projections.threads:0}") int threads,
			@Value("${timeledger.projections.batch-size:2000}") int batchSize,
			@Value("${timeledger.projections.page-size:2000}") int pageSize) {
		this.progress = progress;
		this.parked = parked;
		this.stored = stored;
		this.source = new ArrivalStreamSource(storageEngine, arrivals, pageSize,
				Executors.newCachedThreadPool(threads("projection-prefetch")));
		this.tokenStore = tokenStore;
		this.axonTransactions = axonTransactions;
		this.dataSource = dataSource;
		this.segments = segments;
		this.threads = (threads > 0) ? threads : segments;
		this.batchSize = batchSize;
	}

	/** What the handlers of one version write through. */
	ProjectionContext context(Projection projection, int version) {
		return new ProjectionContext(projection.name(), ProjectionState.processorName(projection.name(), version),
				version, this.dataSource, this.documents);
	}

	/** Builds and starts the processor of the context's version. */
	TrackingEventProcessor start(Projection projection, ProjectionContext context) {
		String name = context.processorName();
		TrackingEventProcessor processor = TrackingEventProcessor.builder()
			.name(name)
			.eventHandlerInvoker(new ParkingEventHandlerInvoker(SimpleEventHandlerInvoker.builder()
				.eventHandlers(projection.handler(context), new EveryEvent())
				.sequencingPolicy(ProjectionSequences.INSTANCE)
				.listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
				.build(), context, this.parked, this.stored))
			.errorHandler(PropagatingErrorHandler.instance())
			.messageSource(this.source)
			.tokenStore(this.tokenStore)
			.transactionManager(this.axonTransactions)
			.trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forParallelProcessing(this.threads)
				.andInitialSegmentsCount(this.segments)
				.andBatchSize(this.batchSize)
				.andInitialTrackingToken(StreamableMessageSource::createTailToken)
				.andEventAvailabilityTimeout(1, TimeUnit.SECONDS)
				.andThreadFactory((group) -> threads(name + "-worker")))
			.build();
		processor.registerHandlerInterceptor((unitOfWork, chain) -> {
			unitOfWork.root().getOrComputeResource("projection-progress", (key) -> {
				unitOfWork.root().afterCommit((committed) -> this.progress.advanced(projection.name()));
				return Boolean.TRUE;
			});
			// what the projection logs about an event carries the request's correlation
			// id
			Object correlationId = unitOfWork.getMessage().getMetaData().get(EventMetadata.CORRELATION_ID);
			if (correlationId == null) {
				return chain.proceed();
			}
			try (MDC.MDCCloseable correlated = MDC.putCloseable(EventMetadata.CORRELATION_ID,
					correlationId.toString())) {
				return chain.proceed();
			}
		});
		processor.start();
		return processor;
	}

	/** Daemon threads named {@code prefix-1}, {@code prefix-2}, ... */
	private static ThreadFactory threads(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix + "-");
		threads.setDaemon(true);
		return threads;
	}

	/**
	 * Makes the processor handle every event, so that each batch stores its token in its
	 * own transaction: the stored position is then exact even when no event of a batch
	 * concerns the projection, and a read that waits for a position never waits for a
	 * lazy token write.
	 */
	static final class EveryEvent {

		@EventHandler
		void on(Object event) {
			// nothing to project
		}

	}

}
