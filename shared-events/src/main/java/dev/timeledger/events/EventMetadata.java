package dev.timeledger.events;

/**
 * The metadata keys of a stored event ({@code domain_event_entry.meta_data}). Metadata is
 * not part of an event's public shape: the event feed does not serve it.
 */
public final class EventMetadata {

	/**
	 * The correlation id of the request that caused the event ({@code X-Correlation-Id},
	 * or generated): it follows the event into the change log and into the log line of
	 * the push it causes. An event stored outside a request carries the id of its
	 * command.
	 */
	public static final String CORRELATION_ID = "correlationId";

	/** The id of the command whose handling stored the event. */
	public static final String CAUSATION_ID = "causationId";

	/** The id of the first message of the chain that led to the event. */
	public static final String TRACE_ID = "traceId";

	private EventMetadata() {
	}

}
