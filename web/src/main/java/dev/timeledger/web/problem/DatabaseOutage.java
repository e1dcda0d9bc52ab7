package dev.timeledger.web.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells an unreachable database apart from other failures: it answers 503, not 500. */
final class DatabaseOutage {

	/**
	 * SQLState class 08: connection exception; 57P01..57P03: the server is shutting down.
	 */
	private static final String[] OUTAGE_STATES = { "08", "57P01", "57P02", "57P03" };

	private DatabaseOutage() {
	}

	static boolean causes(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// a rollback that failed after the write failed: the write's failure tells
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causes(rollback.getApplicationException())) {
				return true;
			}
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				for (String state : OUTAGE_STATES) {
					if (sql.getSQLState().startsWith(state)) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
