package dev.timeledger.web.admin;

import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ParkedEvents;
import dev.timeledger.query.projection.ProjectionRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/** {@code timeledger.projection.parked.events}: the events each projection parked. */
@Component
class ParkedEventsMetrics implements MeterBinder {

	private final ParkedEvents parked;

	private final ProjectionRunner runner;

	ParkedEventsMetrics(ParkedEvents parked, ProjectionRunner runner) {
		this.parked = parked;
		this.runner = runner;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Projection projection : this.runner.projections()) {
			Gauge
				.builder("timeledger.projection.parked.events", this.parked,
						(events) -> events.counts().getOrDefault(projection.name(), 0L))
				.tag("projection", projection.name())
				.description("Events the projection parked because its handler failed on them or on an earlier"
						+ " event of their sequence")
				.register(registry);
		}
	}

}
