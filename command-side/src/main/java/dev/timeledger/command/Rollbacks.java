package dev.timeledger.command;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Undoing what a database transaction put in memory when the transaction does not commit.
 * Axon's unit of work is not enough for that: with an {@code Idempotency-Key} the events
 * are stored in the caller's transaction, after the unit of work has committed.
 */
public final class Rollbacks {

	private Rollbacks() {
	}

	/**
	 * Runs {@code undo} once the current database transaction ends without committing.
	 * Does nothing outside a transaction.
	 */
	public static void onRollback(Runnable undo) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						undo.run();
					}
				}

			});
		}
	}

}
