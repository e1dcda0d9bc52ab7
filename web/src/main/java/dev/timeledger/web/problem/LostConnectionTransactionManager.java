package dev.timeledger.web.problem;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The JDBC transaction manager, except that a rollback on a connection the database has
 * dropped fails as what it is: a lost connection.
 * <p>
 * When a commit fails because the connection broke, the pool closes the connection and
 * the rollback that follows fails with a bare "Connection is closed" (no SQLState). That
 * rollback failure replaces the commit's own, so the caller would learn only of an
 * unexplained rollback and answer 500. The database drops an open transaction with the
 * connection; a commit that broke may still have reached it, which is what the
 * {@code Idempotency-Key} of a retry is for. Failing as a resource failure answers 503
 * and invites the retry that a database restart calls for.
 */
class LostConnectionTransactionManager extends JdbcTransactionManager {

	LostConnectionTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		try {
			super.doRollback(status);
		}
		catch (RuntimeException failure) {
			if (connectionLost(status)) {
				throw new DataAccessResourceFailureException(
						"Could not roll back: the connection to the database is lost, and its transaction with it",
						failure);
			}
			throw failure;
		}
	}

	private static boolean connectionLost(DefaultTransactionStatus status) {
		if (!(status.getTransaction() instanceof JdbcTransactionObjectSupport transaction)
				|| !transaction.hasConnectionHolder()) {
			return false;
		}
		try {
			return transaction.getConnectionHolder().getConnection().isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TransactionConfiguration {

		@Bean
		LostConnectionTransactionManager transactionManager(DataSource dataSource,
				ObjectProvider<TransactionManagerCustomizers> customizers) {
			LostConnectionTransactionManager transactionManager = new LostConnectionTransactionManager(dataSource);
			customizers.ifAvailable((customizer) -> customizer.customize(transactionManager));
			return transactionManager;
		}

	}

}
