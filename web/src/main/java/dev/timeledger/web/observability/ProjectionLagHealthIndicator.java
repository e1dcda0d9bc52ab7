package dev.timeledger.web.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code projectionLag} in the readiness group: {@code OUT_OF_SERVICE} while a live
 * projection is further behind than {@code timeledger.health.max-projection-lag-events}
 * or {@code -time}, so that a load balancer sends no reads that would wait for it;
 * {@code DOWN} when the lag cannot be read.
 */
@Component
class ProjectionLagHealthIndicator extends AbstractHealthIndicator {

	private final ProjectionLag lag;

	private final HealthProperties limits;

	ProjectionLagHealthIndicator(ProjectionLag lag, HealthProperties limits) {
		super("Projection lag cannot be read");
		this.lag = lag;
		this.limits = limits;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean behind = false;
		Map<String, Object> projections = new LinkedHashMap<>();
		for (Map.Entry<String, ProjectionLag.Reading> reading : this.lag.readings().entrySet()) {
			ProjectionLag.Reading lagging = reading.getValue();
			behind |= lagging.events() > this.limits.maxProjectionLagEvents()
					|| lagging.time().compareTo(this.limits.maxProjectionLagTime()) > 0;
			projections.put(reading.getKey(), Map.of("lag", lagging.events(), "lagSeconds", lagging.seconds()));
		}
		builder.status(behind ? Status.OUT_OF_SERVICE : Status.UP)
			.withDetail("maxLagEvents", this.limits.maxProjectionLagEvents())
			.withDetail("maxLagSeconds", this.limits.maxProjectionLagTime().toMillis() / 1000.0)
			.withDetail("projections", projections);
	}

}
