package dev.timeledger.web.observability;

import java.util.function.ToDoubleFunction;

import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Per projection: {@code timeledger.projection.lag.events} and {@code .lag.seconds} of
 * its live version, and the progress of a rebuild
 * ({@code timeledger.projection.rebuilding}, {@code .rebuild.events},
 * {@code .rebuild.percent}; NaN while none runs).
 */
@Component
class ProjectionMetrics implements MeterBinder {

	private final ProjectionLag lag;

	private final ProjectionRunner runner;

	ProjectionMetrics(ProjectionLag lag, ProjectionRunner runner) {
		this.lag = lag;
		this.runner = runner;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Projection projection : this.runner.projections()) {
			String name = projection.name();
			gauge(registry, name, "timeledger.projection.lag.events", "Stored events the live version has not handled",
					(reading) -> reading.events());
			gauge(registry, name, "timeledger.projection.lag.seconds",
					"Age of the oldest stored event the live version has not handled", ProjectionLag.Reading::seconds);
			gauge(registry, name, "timeledger.projection.rebuilding", "1 while a new version is being rebuilt",
					(reading) -> (reading.rebuilt() != null) ? 1 : 0);
			gauge(registry, name, "timeledger.projection.rebuild.events", "Position the rebuilding version has reached",
					(reading) -> (reading.rebuilt() != null) ? reading.rebuilt() : Double.NaN);
			gauge(registry, name, "timeledger.projection.rebuild.percent",
					"Share of the stored events the rebuilding version has handled",
					ProjectionLag.Reading::rebuildPercent);
		}
	}

	private void gauge(MeterRegistry registry, String projection, String metric, String description,
			ToDoubleFunction<ProjectionLag.Reading> value) {
		Gauge.builder(metric, this.lag, (lag) -> {
			ProjectionLag.Reading reading = lag.readings().get(projection);
			return (reading != null) ? value.applyAsDouble(reading) : Double.NaN;
		}).tag("projection", projection).description(description).register(registry);
	}

}
