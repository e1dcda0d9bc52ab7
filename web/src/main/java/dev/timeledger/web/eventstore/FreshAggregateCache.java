package dev.timeledger.web.eventstore;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregates kept in memory between commands, so that a command does not read and replay
 * its aggregate's snapshot and events again. An entry is used only while it is current:
 * its version must equal the last sequence number stored for the aggregate (one indexed
 * lookup), so that a change made by another node is never decided on stale state. At most
 * {@code capacity} entries are kept, the least recently used dropped first; Axon drops an
 * entry when its command rolls back.
 */
final class FreshAggregateCache implements Cache {

	private static final Field VERSION = versionField();

	private final JdbcClient jdbc;

	private final Map<Object, Object> entries;

	FreshAggregateCache(JdbcClient jdbc, int capacity) {
		this.jdbc = jdbc;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
				return size() > capacity;
			}

		};
	}

	@Override
	@SuppressWarnings("unchecked")
	public <K, V> V get(K key) {
		Object value;
		synchronized (this.entries) {
			value = this.entries.get(key);
		}
		if (value instanceof AggregateCacheEntry<?> entry && !isCurrent(key, entry)) {
			remove(key);
			return null;
		}
		return (V) value;
	}

	@Override
	public void put(Object key, Object value) {
		synchronized (this.entries) {
			this.entries.put(key, value);
		}
	}

	@Override
	public boolean putIfAbsent(Object key, Object value) {
		synchronized (this.entries) {
			return this.entries.putIfAbsent(key, value) == null;
		}
	}

	@Override
	public boolean remove(Object key) {
		synchronized (this.entries) {
			return this.entries.remove(key) != null;
		}
	}

	@Override
	public void removeAll() {
		synchronized (this.entries) {
			this.entries.clear();
		}
	}

	@Override
	public boolean containsKey(Object key) {
		synchronized (this.entries) {
			return this.entries.containsKey(key);
		}
	}

	/** Nothing listens to this cache; Axon's repositories do not ask to. */
	@Override
	public Registration registerCacheEntryListener(EntryListener listener) {
		throw new UnsupportedOperationException("The aggregate cache has no entry listeners");
	}

	private boolean isCurrent(Object key, AggregateCacheEntry<?> entry) {
		Long stored = this.jdbc
			.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(key.toString())
			.query(Long.class)
			.optional()
			.orElse(null);
		return Objects.equals(stored, version(entry));
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
