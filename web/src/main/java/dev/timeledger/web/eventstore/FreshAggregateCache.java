package dev.timeledger.web.eventstore;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.timeledger.command.Rollbacks;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregates kept in memory between commands, so that a command does not read and replay
 * its aggregate's snapshot and events again. An entry is used only while it is current:
 * its version must equal the last sequence number stored for the aggregate, so that a
 * change made by another node is never decided on stale state. A command checks that
 * after deciding, mostly through its own append ({@link DeferredFreshnessCheck}); any
 * other use reads the last sequence number first (one indexed lookup). At most
 * {@code capacity} entries are kept, the least recently used dropped first; Axon drops an
 * entry when its command rolls back.
 */
final class FreshAggregateCache implements Cache {

	private static final Field VERSION = versionField();

	private final JdbcClient jdbc;

	private final int capacity;

	/** In access order: the first entry is the least recently used. */
	private final Map<Object, Object> entries = new LinkedHashMap<>(16, 0.75f, true);

	private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

	private final AtomicLong freshnessReads = new AtomicLong();

	FreshAggregateCache(JdbcClient jdbc, int capacity) {
		this.jdbc = jdbc;
		this.capacity = capacity;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <K, V> V get(K key) {
		Object value;
		synchronized (this.entries) {
			value = this.entries.get(key);
		}
		if (value instanceof AggregateCacheEntry<?> entry) {
			Map<Object, Long> deferred = DeferredFreshnessCheck.ofCurrentUnitOfWork();
			if (deferred != null) {
				deferred.put(key, version(entry));
			}
			else if (!isCurrent(key, version(entry))) {
				removeStale(key, value);
				return null;
			}
		}
		if (value != null) {
			this.listeners.forEach((listener) -> listener.onEntryRead(key, value));
		}
		return (V) value;
	}

	@Override
	public void put(Object key, Object value) {
		boolean created;
		List<Object> evicted;
		synchronized (this.entries) {
			created = this.entries.put(key, value) == null;
			evicted = evictBeyondCapacity();
		}
		// Axon drops the entry when the unit of work rolls back, but a transaction of the
		// caller's own (an Idempotency-Key's) stores the events after it has committed
		Rollbacks.onRollback(() -> removeStale(key, value));
		this.listeners.forEach((listener) -> {
			if (created) {
				listener.onEntryCreated(key, value);
			}
			else {
				listener.onEntryUpdated(key, value);
			}
			evicted.forEach(listener::onEntryExpired);
		});
	}

	@Override
	public boolean putIfAbsent(Object key, Object value) {
		List<Object> evicted;
		synchronized (this.entries) {
			if (this.entries.putIfAbsent(key, value) != null) {
				return false;
			}
			evicted = evictBeyondCapacity();
		}
		this.listeners.forEach((listener) -> {
			listener.onEntryCreated(key, value);
			evicted.forEach(listener::onEntryExpired);
		});
		return true;
	}

	@Override
	public boolean remove(Object key) {
		boolean removed;
		synchronized (this.entries) {
			removed = this.entries.remove(key) != null;
		}
		if (removed) {
			this.listeners.forEach((listener) -> listener.onEntryRemoved(key));
		}
		return removed;
	}

	/** Removes the entry only if it is still the stale one, not one put since. */
	private void removeStale(Object key, Object stale) {
		boolean removed;
		synchronized (this.entries) {
			removed = this.entries.remove(key, stale);
		}
		if (removed) {
			this.listeners.forEach((listener) -> listener.onEntryRemoved(key));
		}
	}

	@Override
	public void removeAll() {
		List<Object> keys;
		synchronized (this.entries) {
			keys = new ArrayList<>(this.entries.keySet());
			this.entries.clear();
		}
		this.listeners.forEach((listener) -> keys.forEach(listener::onEntryRemoved));
	}

	@Override
	public boolean containsKey(Object key) {
		synchronized (this.entries) {
			return this.entries.containsKey(key);
		}
	}

	@Override
	public Registration registerCacheEntryListener(EntryListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	/**
	 * Drops the least recently used entries beyond the capacity; call holding the lock.
	 */
	private List<Object> evictBeyondCapacity() {
		List<Object> evicted = new ArrayList<>(0);
		Iterator<Object> eldest = this.entries.keySet().iterator();
		while (this.entries.size() > this.capacity && eldest.hasNext()) {
			evicted.add(eldest.next());
			eldest.remove();
		}
		return evicted;
	}

	/** Whether {@code version} is the last sequence number stored for the aggregate. */
	boolean isCurrent(Object key, Long version) {
		this.freshnessReads.incrementAndGet();
		Long stored = this.jdbc
			.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(key.toString())
			.query(Long.class)
			.optional()
			.orElse(null);
		return Objects.equals(stored, version);
	}

	/** How often the last sequence number of an aggregate was read, for tests. */
	long freshnessReads() {
		return this.freshnessReads.get();
	}

	private static Long version(AggregateCacheEntry<?> entry) {
		try {
			return (Long) VERSION.get(entry);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Field versionField() {
		try {
			Field field = AggregateCacheEntry.class.getDeclaredField("version");
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("Axon's aggregate cache entry has no version any more", ex);
		}
	}

}
