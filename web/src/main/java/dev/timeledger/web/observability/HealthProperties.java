package dev.timeledger.web.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a node stops being ready: a live projection further behind the event store than
 * either limit takes it out of service (readiness answers 503) until it catches up.
 *
 * @param maxProjectionLagEvents the most events a live projection may lag behind
 * @param maxProjectionLagTime the longest a live projection may lag behind: the age of
 * the oldest event it has not handled yet
 */
@ConfigurationProperties("timeledger.health")
public record HealthProperties(@DefaultValue("100000") long maxProjectionLagEvents,
		@DefaultValue("60s") Duration maxProjectionLagTime) {
}
