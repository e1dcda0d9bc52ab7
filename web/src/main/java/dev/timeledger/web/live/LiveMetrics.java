package dev.timeledger.web.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code timeledger.live.sessions} and {@code timeledger.live.subscriptions}: the STOMP
 * clients this node serves.
 */
@Component
class LiveMetrics implements MeterBinder {

	private final LiveSessions sessions;

	private final LiveSubscriptions subscriptions;

	LiveMetrics(LiveSessions sessions, LiveSubscriptions subscriptions) {
		this.sessions = sessions;
		this.subscriptions = subscriptions;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("timeledger.live.sessions", this.sessions, LiveSessions::count)
			.description("Connected STOMP sessions on this node")
			.register(registry);
		Gauge.builder("timeledger.live.subscriptions", this.subscriptions, LiveSubscriptions::count)
			.description("STOMP subscriptions on this node")
			.register(registry);
	}

}
