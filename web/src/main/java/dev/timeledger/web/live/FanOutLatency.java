package dev.timeledger.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import dev.timeledger.query.changelog.Change;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code timeledger.live.fanout.latency}: per projection, the time from the event behind
 * a change to its push to this node's subscribers. It spans the command's commit, the
 * projection's batch and the fan-out; across nodes it includes their clock difference.
 */
@Component
class FanOutLatency {

	private final Map<String, Timer> timers;

	FanOutLatency(MeterRegistry registry, ProjectionRunner runner) {
		this.timers = runner.projections()
			.stream()
			.map(Projection::name)
			.collect(Collectors.toMap((projection) -> projection,
					(projection) -> Timer.builder("timeledger.live.fanout.latency")
						.tag("projection", projection)
						.description(
								"From the event behind a change to the push of its invalidation to the subscribers")
						.register(registry)));
	}

	/** Records a change that was just pushed to at least one subscriber. */
	void record(Change change) {
		Timer timer = this.timers.get(change.projection());
		if (timer != null) {
			Duration latency = Duration.between(change.occurredAt(), Instant.now());
			timer.record(latency.isNegative() ? Duration.ZERO : latency);
		}
	}

}
