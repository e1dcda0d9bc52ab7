package dev.timeledger.web.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database that a retry can overcome (unreachable, restarting, out
 * of connections, a transaction it aborted as a deadlock or serialization loser) apart
 * from other failures: it answers 503, not 500. Nothing was stored in either case; only
 * this one is worth a retry.
 */
final class DatabaseOutage {

	/** SQLState class 08: connection exception. */
	private static final String CONNECTION_EXCEPTION = "08";

	/**
	 * SQLStates a retry gets over: serialization failure, deadlock, too many connections,
	 * shutting down (admin, crash), cannot connect now (starting up), statement
	 * cancelled.
	 */
	private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "53300", "57P01", "57P02", "57P03",
			"57014");

	private DatabaseOutage() {
	}

	static boolean causes(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// a rollback that failed after the write failed: the write's failure tells
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causes(rollback.getApplicationException())) {
				return true;
			}
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith(CONNECTION_EXCEPTION)
							|| RETRYABLE_STATES.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
