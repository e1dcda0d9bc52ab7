package dev.timeledger.command;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction's decisions read from memory instead of the database, to be checked
 * again by the event store when it stores the transaction's events, under the append lock
 * (ADR 3). A condition that no longer holds fails the append as a lost race: nothing is
 * stored, and the command is decided again.
 */
public final class AppendPreconditions {

	private final List<Condition> conditions = new ArrayList<>(2);

	private AppendPreconditions() {
	}

	/**
	 * Requires a condition of the current transaction's append. Does nothing outside a
	 * transaction.
	 * @param holds an SQL boolean expression with {@code ?} parameters, true while what
	 * the decision read still holds
	 * @param parameters its parameters, in order
	 */
	public static void require(String holds, Object... parameters) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		AppendPreconditions current = current();
		if (current == null) {
			current = new AppendPreconditions();
			TransactionSynchronizationManager.bindResource(AppendPreconditions.class, current);
			TransactionSynchronizationManager.registerSynchronization(new Unbinding());
		}
		current.conditions.add(new Condition(holds, List.of(parameters)));
	}

	/**
	 * Takes the conditions the current transaction required since the last call, for its
	 * next append.
	 */
	public static List<Condition> takeForCurrentTransaction() {
		AppendPreconditions current = current();
		if (current == null || current.conditions.isEmpty()) {
			return List.of();
		}
		List<Condition> taken = List.copyOf(current.conditions);
		current.conditions.clear();
		return taken;
	}

	/**
	 * The conditions the current transaction required and has not appended with yet, left
	 * in place: for a command that is rejected, whose decision may rest on them too.
	 */
	public static List<Condition> pendingInCurrentTransaction() {
		AppendPreconditions current = current();
		return (current != null) ? List.copyOf(current.conditions) : List.of();
	}

	/** One SQL boolean expression that holds when all the conditions hold. */
	public static String allHold(List<Condition> conditions) {
		return conditions.stream()
			.map((condition) -> "(" + condition.holds() + ")")
			.collect(Collectors.joining(" AND "));
	}

	/** The parameters of {@link #allHold}'s expression, in order. */
	public static List<Object> parametersOf(List<Condition> conditions) {
		return conditions.stream().flatMap((condition) -> condition.parameters().stream()).toList();
	}

	private static AppendPreconditions current() {
		return (AppendPreconditions) TransactionSynchronizationManager.getResource(AppendPreconditions.class);
	}

	/**
	 * A condition of an append.
	 *
	 * @param holds an SQL boolean expression with {@code ?} parameters
	 * @param parameters its parameters
	 */
	public record Condition(String holds, List<Object> parameters) {
	}

	private static final class Unbinding implements TransactionSynchronization {

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(AppendPreconditions.class);
		}

	}

}
