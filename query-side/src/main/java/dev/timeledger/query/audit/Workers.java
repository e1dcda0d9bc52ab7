package dev.timeledger.query.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workers of a tenant. There is no user directory: a worker is a user the tenant has
 * events of, as the audit reads see it. Read from the event store, so a worker is known
 * as soon as its first write is acknowledged.
 */
@Component
public class Workers {

	private final JdbcClient jdbc;

	Workers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the tenant has any event of the user. */
	public boolean exists(String tenantId, String userId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE tenant_id = ? AND payload ->> 'userId' = ?)")
			.params(tenantId, userId)
			.query(Boolean.class)
			.single();
	}

}
