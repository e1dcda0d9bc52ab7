package dev.timeledger.web.observability;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.timeledger.web.command.CommandExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@code timeledger.commands}: every write, by command type and by the outcome its client
 * saw: {@code success}, {@code replayed} (an Idempotency-Key's stored answer),
 * {@code rejected} (4xx) or {@code error} (5xx), with the problem code of a refusal.
 * Recorded once the answer is complete, so that the code is the one the client got.
 */
class CommandMetrics implements HandlerInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(CommandMetrics.class);

	private static final String STARTED = CommandMetrics.class.getName() + ".started";

	private final MeterRegistry registry;

	CommandMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		request.setAttribute(STARTED, System.nanoTime());
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(request.getAttribute(CommandExecutor.COMMAND_ATTRIBUTE) instanceof Supplier<?> command)
				|| !(request.getAttribute(STARTED) instanceof Long started)) {
			return;
		}
		long nanos = System.nanoTime() - started;
		String type = type(command);
		String outcome = (ex != null) ? "error" : outcome(response);
		Optional<String> problem = ProblemCodes.of(request);
		Timer.builder("timeledger.commands")
			.description("Writes by command type, outcome and problem code")
			.tag("type", type)
			.tag("outcome", outcome)
			.tag("code", problem.orElse("none"))
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
		logger.debug("{} {} ({}{}) in {} ms", type, outcome, response.getStatus(),
				problem.map((code) -> " " + code).orElse(""), nanos / 1_000_000);
	}

	/**
	 * The command's class name, such as {@code StartTimer}: the supplier builds it once
	 * more (commands are plain records), {@code unknown} when it cannot be built.
	 */
	private static String type(Supplier<?> command) {
		try {
			Object built = command.get();
			return (built != null) ? built.getClass().getSimpleName() : "unknown";
		}
		catch (RuntimeException ex) {
			return "unknown";
		}
	}

	private static String outcome(HttpServletResponse response) {
		int status = response.getStatus();
		if (status >= 500) {
			return "error";
		}
		if (status >= 400) {
			return "rejected";
		}
		return (response.getHeader(CommandExecutor.REPLAYED_HEADER) != null) ? "replayed" : "success";
	}

}
