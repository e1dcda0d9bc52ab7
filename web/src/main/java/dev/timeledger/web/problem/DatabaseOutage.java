package dev.timeledger.web.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database that a retry can overcome (unreachable, restarting, out
 * of connections, a transaction it aborted) apart from other failures: it answers 503,
 * not 500. Nothing was stored in either case; only this one is worth a retry.
 */
final class DatabaseOutage {

	/**
	 * SQLState classes: 08 connection exception, 40 transaction rollback (deadlock,
	 * serialization), 53 insufficient resources, 57 operator intervention (shutting down,
	 * starting up, cancelled), 58 system error.
	 */
	private static final String[] RETRYABLE_STATES = { "08", "40", "53", "57", "58" };

	private DatabaseOutage() {
	}

	static boolean causes(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// a rollback that failed after the write failed: the write's failure tells
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causes(rollback.getApplicationException())) {
				return true;
			}
			if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				for (String state : RETRYABLE_STATES) {
					if (sql.getSQLState().startsWith(state)) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
