package dev.timeledger.query.projection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Facts that, once true, stay true (the event store never forgets a worker; a stored
 * member stays stored), remembered so that the database is asked once per key and node. A
 * false answer is never remembered: it may become true. At most {@code capacity} keys are
 * kept; when full, all are forgotten at once and asked again.
 *
 * @param <K> the key of a fact
 */
public final class LastingFacts<K> {

	private final Set<K> known = ConcurrentHashMap.newKeySet();

	private final int capacity;

	public LastingFacts(int capacity) {
		this.capacity = capacity;
	}

	/** Whether the fact holds: remembered, or asked of {@code lookup} and remembered. */
	public boolean holds(K key, BooleanSupplier lookup) {
		if (this.known.contains(key)) {
			return true;
		}
		if (!lookup.getAsBoolean()) {
			return false;
		}
		if (this.known.size() >= this.capacity) {
			this.known.clear();
		}
		this.known.add(key);
		return true;
	}

}
