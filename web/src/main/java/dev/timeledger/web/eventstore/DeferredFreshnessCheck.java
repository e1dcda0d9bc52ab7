package dev.timeledger.web.eventstore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.timeledger.command.AppendPreconditions;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lets a command decide on a cached aggregate without first reading the aggregate's last
 * sequence number, and checks afterwards only where the append does not. When the command
 * stores events for the aggregate, the append checks under the lock that they are the
 * next in sequence (ADR 3), which fails for a stale entry. When the command is rejected,
 * or stores nothing for the aggregate, the entry is checked then. A decision found to
 * rest on a stale entry fails as a lost race: Axon drops the entry on rollback, and the
 * command is retried on the stored state ({@code CommandExecutor}).
 */
final class DeferredFreshnessCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

	private static final String RESOURCE = DeferredFreshnessCheck.class.getName();

	private final FreshAggregateCache cache;

	private final JdbcClient jdbc;

	DeferredFreshnessCheck(FreshAggregateCache cache, JdbcClient jdbc) {
		this.cache = cache;
		this.jdbc = jdbc;
	}

	@Override
	public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
			throws Exception {
		Map<Object, Long> unchecked = new HashMap<>(2);
		unitOfWork.resources().put(RESOURCE, unchecked);
		Object result;
		try {
			result = interceptorChain.proceed();
		}
		catch (ConcurrencyException ex) {
			throw ex;
		}
		catch (Exception ex) {
			failIfRejectedOnStaleState(unchecked, ex);
			throw ex;
		}
		// runs after the event bus's own prepare-commit step, which has handed the
		// command's events to the storage engine by then
		unitOfWork.onPrepareCommit((committing) -> {
			unchecked.keySet().removeIf((key) -> PendingAppend.currentTransactionAppendsTo(key.toString()));
			failIfStale(unchecked, null);
		});
		return result;
	}

	/**
	 * The entries the current command decided on without a check, by aggregate and
	 * version, or null when the entry must be checked before use.
	 */
	static Map<Object, Long> ofCurrentUnitOfWork() {
		return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getResource(RESOURCE) : null;
	}

	/**
	 * Checks what a rejected command decided on from memory: its cached aggregates and
	 * the remembered facts it required ({@link AppendPreconditions}). A check that cannot
	 * run (the transaction failed with the command) leaves the command's own error as it
	 * is.
	 */
	private void failIfRejectedOnStaleState(Map<Object, Long> unchecked, Exception rejection) {
		List<AppendPreconditions.Condition> facts = AppendPreconditions.pendingInCurrentTransaction();
		if (unchecked.isEmpty() && facts.isEmpty()) {
			return;
		}
		boolean factsHold;
		try {
			failIfStale(unchecked, rejection);
			factsHold = facts.isEmpty() || this.jdbc.sql("SELECT " + AppendPreconditions.allHold(facts))
				.params(AppendPreconditions.parametersOf(facts))
				.query(Boolean.class)
				.single();
		}
		catch (ConcurrencyException stale) {
			throw stale;
		}
		catch (RuntimeException checkFailed) {
			rejection.addSuppressed(checkFailed);
			return;
		}
		if (!factsHold) {
			throw new ConcurrencyException(
					"A fact this node remembered has changed since; the command is decided again", rejection);
		}
	}

	private void failIfStale(Map<Object, Long> unchecked, Exception decision) {
		for (Map.Entry<Object, Long> entry : unchecked.entrySet()) {
			if (!this.cache.isCurrent(entry.getKey(), entry.getValue())) {
				throw new ConcurrencyException(
						"Aggregate " + entry.getKey()
								+ " was changed on another node after this one cached it; the command is decided again",
						decision);
			}
		}
	}

}
