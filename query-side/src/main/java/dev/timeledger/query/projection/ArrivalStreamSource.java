package dev.timeledger.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/** The event store as the projections read it: in pages, woken by new events. */
final class ArrivalStreamSource implements StreamableMessageSource<TrackedEventMessage<?>> {

	private final EventStorageEngine engine;

	private final EventArrivals arrivals;

	private final int pageSize;

	private final Executor prefetcher;

	private final RecentPages recent;

	ArrivalStreamSource(EventStorageEngine engine, EventArrivals arrivals, int pageSize, Executor prefetcher) {
		this.engine = engine;
		this.arrivals = arrivals;
		this.pageSize = pageSize;
		this.prefetcher = prefetcher;
		this.recent = new RecentPages(pageSize);
	}

	@Override
	public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
		return new ArrivalStream(this.engine, this.arrivals, this.pageSize, this.prefetcher, this.recent,
				trackingToken);
	}

	@Override
	public TrackingToken createTailToken() {
		return this.engine.createTailToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return this.engine.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return this.engine.createTokenAt(dateTime);
	}

	@Override
	public TrackingToken createTokenSince(Duration duration) {
		return this.engine.createTokenAt(Instant.now().minus(duration));
	}

}
