package dev.timeledger.web.eventstore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events a transaction has appended but not stored yet. They are stored as the
 * transaction's last step, in the round trip of its commit, or earlier when a caller
 * needs their positions inside the transaction ({@link #flushCurrentTransaction()}); from
 * then on the transaction holds the append lock until it ends. Everything a command does
 * before, loading, deciding, serializing, same-transaction handlers, runs without the
 * lock.
 */
public final class PendingAppend implements TransactionSynchronization {

	private static final ClassValue<Boolean> HAS_BEFORE_COMMIT = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			try {
				return type.getMethod("beforeCommit", boolean.class)
					.getDeclaringClass() != TransactionSynchronization.class;
			}
			catch (NoSuchMethodException ex) {
				return false;
			}
		}
	};

	private final PostgresEventStorageEngine engine;

	private final List<Object[]> rows = new ArrayList<>();

	private final List<AppendedPosition> positions = new ArrayList<>();

	/** Every aggregate the transaction has appended to, stored or not. */
	private final Set<String> aggregates = new HashSet<>(2);

	private EventMessage<?> first;

	private boolean locked;

	/** The position of the last event stored so far. */
	private long last;

	private PendingAppend(PostgresEventStorageEngine engine) {
		this.engine = engine;
	}

	/** The current transaction's pending append, bound on first use. */
	static PendingAppend of(PostgresEventStorageEngine engine) {
		PendingAppend pending = (PendingAppend) TransactionSynchronizationManager.getResource(PendingAppend.class);
		if (pending == null) {
			pending = new PendingAppend(engine);
			TransactionSynchronizationManager.bindResource(PendingAppend.class, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		return pending;
	}

	/**
	 * Stores the current transaction's pending events now, so that their positions are
	 * known before it commits. Does nothing outside a transaction or without events.
	 */
	public static void flushCurrentTransaction() {
		if (TransactionSynchronizationManager.getResource(PendingAppend.class) instanceof PendingAppend pending) {
			pending.storeNow(false);
		}
	}

	/** Whether the current transaction has appended events of the aggregate. */
	static boolean currentTransactionAppendsTo(String aggregateId) {
		return TransactionSynchronizationManager.getResource(PendingAppend.class) instanceof PendingAppend pending
				&& pending.aggregates.contains(aggregateId);
	}

	void add(EventMessage<?> event, List<Object[]> more, AppendedPosition position) {
		if (this.first == null) {
			this.first = event;
		}
		this.rows.addAll(more);
		more.forEach((row) -> this.aggregates.add((String) row[1]));
		if (position != null) {
			this.positions.add(position);
		}
		if (this.locked) {
			// already flushed once: the lock is held, so later events go in at once
			storeNow(false);
		}
	}

	private void storeNow(boolean commit) {
		if (this.rows.isEmpty()) {
			return;
		}
		long last = this.engine.store(this.rows, this.first, this.locked, commit);
		this.last = last;
		this.locked = true;
		this.rows.clear();
		this.positions.forEach((position) -> position.record(last));
	}

	/**
	 * Stores the pending events and commits in the same round trip: the transaction
	 * manager's own commit then finds the transaction ended and does nothing. Only when
	 * no synchronization that runs later has work of its own to do before the commit: its
	 * writes would otherwise land after the commit, in a transaction of their own.
	 */
	@Override
	public void beforeCommit(boolean readOnly) {
		storeNow(lastBeforeCommit());
	}

	private boolean lastBeforeCommit() {
		List<TransactionSynchronization> all = TransactionSynchronizationManager.getSynchronizations();
		for (int i = all.indexOf(this) + 1; i < all.size(); i++) {
			if (HAS_BEFORE_COMMIT.get(all.get(i).getClass())) {
				return false;
			}
		}
		return true;
	}

	@Override
	public void afterCommit() {
		if (this.locked) {
			this.engine.signal(this.last);
		}
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(PendingAppend.class);
	}

	@Override
	public int getOrder() {
		// after every other synchronization's beforeCommit: the lock is taken last
		return Ordered.LOWEST_PRECEDENCE;
	}

}
