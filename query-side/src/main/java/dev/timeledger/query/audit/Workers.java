package dev.timeledger.query.audit;

import java.util.List;

import dev.timeledger.query.projection.LastingFacts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workers of a tenant. There is no user directory: a worker is a user the tenant has
 * events of, as the audit reads see it. Read from the event store, so a worker is known
 * as soon as its first write is acknowledged; events are never removed, so a worker once
 * found is remembered (at most {@value #CAPACITY}) and not read again.
 */
@Component
public class Workers {

	static final int CAPACITY = 100_000;

	private final LastingFacts<List<String>> known = new LastingFacts<>(CAPACITY);

	private final JdbcClient jdbc;

	Workers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the tenant has any event of the user. */
	public boolean exists(String tenantId, String userId) {
		return this.known.holds(List.of(tenantId, userId), () -> this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE tenant_id = ? AND payload ->> 'userId' = ?)")
			.params(tenantId, userId)
			.query(Boolean.class)
			.single());
	}

}
