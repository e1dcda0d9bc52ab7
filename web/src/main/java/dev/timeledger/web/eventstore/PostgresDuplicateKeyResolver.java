package dev.timeledger.web.eventstore;

import java.util.Set;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Recognizes the unique keys that mean "another command stored this aggregate's next
 * event first": Axon turns those into a concurrency conflict, which the web layer
 * retries.
 */
final class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

	private static final String UNIQUE_VIOLATION = "23505";

	private static final Set<String> SEQUENCE_KEYS = Set.of("domain_event_entry_aggregate_sequence",
			"snapshot_event_entry_pkey");

	@Override
	public boolean isDuplicateKeyViolation(Exception exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
				ServerErrorMessage message = psql.getServerErrorMessage();
				return message != null && SEQUENCE_KEYS.contains(message.getConstraint());
			}
		}
		return false;
	}

}
