package dev.timeledger.web.ratelimit;

import dev.timeledger.web.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Each user of a tenant may send a burst of requests and then a steady rate; beyond it,
 * 429 {@code rate-limited}. Runs after authentication: a request without a valid token is
 * refused before it costs more than its token check.
 */
final class RequestRateLimit implements HandlerInterceptor {

	private final TokenBuckets buckets;

	private final Counter limited;

	RequestRateLimit(TokenBuckets buckets, MeterRegistry registry) {
		this.buckets = buckets;
		this.limited = Counter.builder("timeledger.requests.rate.limited")
			.description("Requests refused with 429 because their user sent too many")
			.register(registry);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			// an event stream's end dispatches its request again: counted once, at its
			// start
			return true;
		}
		Caller.current().ifPresent((caller) -> {
			long wait = this.buckets.take(caller.key(), System.nanoTime());
			if (wait > 0) {
				this.limited.increment();
				throw new RateLimited("rate-limited", "Too many requests from this user; try again in " + wait + " s",
						wait);
			}
		});
		return true;
	}

}
