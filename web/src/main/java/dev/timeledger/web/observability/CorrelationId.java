package dev.timeledger.web.observability;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.timeledger.events.EventMetadata;
import org.slf4j.MDC;

/**
 * The correlation id that ties a request to the events it stores and to the pushes those
 * events cause: one name, {@code correlationId}, in the log context (MDC), in the events'
 * metadata and in the change log.
 */
public final class CorrelationId {

	/** The header a client may send it in, and the answer always carries it in. */
	public static final String HEADER = "X-Correlation-Id";

	/** Its key in the log context. */
	public static final String MDC_KEY = EventMetadata.CORRELATION_ID;

	/** Short and safe to log, store and echo: no spaces, quotes or line breaks. */
	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private CorrelationId() {
	}

	/** The client's id when it is valid, otherwise a new one. */
	static String of(String header) {
		return (header != null && VALID.matcher(header).matches()) ? header : UUID.randomUUID().toString();
	}

	/** The correlation id of the work this thread does, if it has one. */
	public static Optional<String> current() {
		return Optional.ofNullable(MDC.get(MDC_KEY));
	}

}
