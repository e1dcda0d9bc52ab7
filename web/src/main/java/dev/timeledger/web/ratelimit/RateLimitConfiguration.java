package dev.timeledger.web.ratelimit;

import dev.timeledger.web.TimeLedgerProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The request rate limit on the API, when one is set. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

	private final TimeLedgerProperties.RateLimits limits;

	private final MeterRegistry registry;

	RateLimitConfiguration(TimeLedgerProperties properties, MeterRegistry registry) {
		this.limits = properties.rateLimits();
		this.registry = registry;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (this.limits.requestsPerSecond() > 0) {
			TokenBuckets buckets = new TokenBuckets(this.limits.requestsPerSecond(),
					Math.max(1, this.limits.requestBurst()), System.nanoTime());
			registry.addInterceptor(new RequestRateLimit(buckets, this.registry)).addPathPatterns("/api/**");
		}
	}

}
