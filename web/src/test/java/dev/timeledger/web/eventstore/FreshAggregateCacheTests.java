package dev.timeledger.web.eventstore;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache's bound and what its listeners hear. Values here are not aggregate entries,
 * so no freshness check reaches the database; that check is covered by the event store
 * and two-node integration tests.
 */
class FreshAggregateCacheTests {

	private final FreshAggregateCache cache = new FreshAggregateCache(null, 2);

	private final List<String> heard = new ArrayList<>();

	@Test
	void beyondItsCapacity_theLeastRecentlyUsedEntryGoes_andListenersHearItExpire() {
		this.cache.registerCacheEntryListener(listener());
		this.cache.put("a", 1);
		this.cache.put("b", 2);
		this.cache.get("a");
		this.cache.put("c", 3);

		assertThat(this.cache.containsKey("a")).isTrue();
		assertThat(this.cache.containsKey("b")).isFalse();
		assertThat(this.cache.containsKey("c")).isTrue();
		assertThat(this.heard).containsExactly("created a", "created b", "read a", "created c", "expired b");
	}

	@Test
	void listenersHearUpdatesAndRemovals_untilTheirRegistrationIsCancelled() {
		Registration registration = this.cache.registerCacheEntryListener(listener());
		this.cache.put("a", 1);
		this.cache.put("a", 2);
		assertThat(this.cache.putIfAbsent("a", 3)).isFalse();
		this.cache.remove("a");
		this.cache.remove("a");
		this.cache.put("b", 1);
		this.cache.removeAll();
		registration.cancel();
		this.cache.put("c", 1);

		assertThat(this.heard).containsExactly("created a", "updated a", "removed a", "created b", "removed b");
		assertThat(this.cache.containsKey("c")).isTrue();
	}

	private Cache.EntryListener listener() {
		return new Cache.EntryListenerAdapter() {

			@Override
			public void onEntryCreated(Object key, Object value) {
				FreshAggregateCacheTests.this.heard.add("created " + key);
			}

			@Override
			public void onEntryUpdated(Object key, Object value) {
				FreshAggregateCacheTests.this.heard.add("updated " + key);
			}

			@Override
			public void onEntryRead(Object key, Object value) {
				FreshAggregateCacheTests.this.heard.add("read " + key);
			}

			@Override
			public void onEntryRemoved(Object key) {
				FreshAggregateCacheTests.this.heard.add("removed " + key);
			}

			@Override
			public void onEntryExpired(Object key) {
				FreshAggregateCacheTests.this.heard.add("expired " + key);
			}

		};
	}

}
