package dev.timeledger.web.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the client's {@code X-Correlation-Id} when it is
 * valid, a new one otherwise. It is in the log context while the request runs (security
 * included) and in the answer's header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String correlationId = CorrelationId.of(request.getHeader(CorrelationId.HEADER));
		response.setHeader(CorrelationId.HEADER, correlationId);
		try (MDC.MDCCloseable correlated = MDC.putCloseable(CorrelationId.MDC_KEY, correlationId)) {
			chain.doFilter(request, response);
		}
	}

}
