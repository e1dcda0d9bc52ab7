package dev.timeledger.web.eventstore;

import java.lang.reflect.Field;
import java.util.Objects;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregates kept in memory between commands, so that a command does not read and
 * deserialize its aggregate's snapshot and events again. An entry is used only while it
 * is current: its version must equal the last sequence number stored for the aggregate
 * (one indexed lookup), so that a change made by another node is never decided on stale
 * state. Entries are weakly referenced, so memory pressure empties the cache, and Axon
 * drops an entry when its command rolls back.
 */
final class FreshAggregateCache extends WeakReferenceCache {

	private static final Field VERSION = versionField();

	private final JdbcClient jdbc;

	FreshAggregateCache(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public <K, V> V get(K key) {
		V value = super.get(key);
		if (value instanceof AggregateCacheEntry<?> entry && !isCurrent(key, entry)) {
			remove(key);
			return null;
		}
		return value;
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
