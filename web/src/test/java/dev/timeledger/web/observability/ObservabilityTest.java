package dev.timeledger.web.observability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/**
 * One application context for the observability tests: metrics exported, JSON log lines
 * with the push and command lines in them, and a lag limit of zero events, so that any
 * projection that has not handled the newest event takes the node out of service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AutoConfigureObservability
@TestPropertySource(properties = { "timeledger.health.max-projection-lag-events=0",
		"logging.structured.format.console=ecs", "logging.level.dev.timeledger.web.live.LiveSubscriptions=DEBUG",
		"logging.level.dev.timeledger.web.observability.CommandMetrics=DEBUG" })
@interface ObservabilityTest {

}
