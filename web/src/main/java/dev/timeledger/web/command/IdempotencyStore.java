package dev.timeledger.web.command;

import java.time.Duration;
import java.util.Optional;

import dev.timeledger.web.TimeLedgerProperties;
import dev.timeledger.web.security.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The answers to writes that carried an {@code Idempotency-Key}, per tenant and user, in
 * table {@code idempotency_key}. A claim and the command it guards share one transaction:
 * a concurrent retry with the same key waits on the claim's row and then finds the
 * answer.
 */
@Component
class IdempotencyStore {

	private final JdbcClient jdbc;

	private final Duration ttl;

	IdempotencyStore(JdbcClient jdbc, TimeLedgerProperties properties) {
		this.jdbc = jdbc;
		this.ttl = properties.commands().idempotencyTtl();
	}

	/**
	 * Claims the key for this request, or returns the answer stored for it.
	 * @throws IdempotencyKeyReused when the key answered a different request
	 */
	Optional<StoredAnswer> claim(Caller caller, String key, String fingerprint) {
		boolean claimed = this.jdbc.sql("""
				INSERT INTO idempotency_key (tenant_id, user_id, key, fingerprint) VALUES (?, ?, ?, ?)
				ON CONFLICT (tenant_id, user_id, key) DO UPDATE
				  SET fingerprint = EXCLUDED.fingerprint, status = NULL, body = NULL, location = NULL,
				      position = NULL, created_at = now()
				  WHERE idempotency_key.created_at < now() - make_interval(secs => ?)
				""").params(caller.tenantId(), caller.userId(), key, fingerprint, this.ttl.toSeconds()).update() == 1;
		if (claimed) {
			return Optional.empty();
		}
		StoredAnswer stored = this.jdbc
			.sql("SELECT fingerprint, status, body, location, position FROM idempotency_key"
					+ " WHERE tenant_id = ? AND user_id = ? AND key = ?")
			.params(caller.tenantId(), caller.userId(), key)
			.query((rs, row) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.single();
		if (!stored.fingerprint().equals(fingerprint)) {
			throw new IdempotencyKeyReused(key);
		}
		return Optional.of(stored);
	}

	void complete(Caller caller, String key, int status, String body, String location, long position) {
		this.jdbc
			.sql("UPDATE idempotency_key SET status = ?, body = ?, location = ?, position = ?"
					+ " WHERE tenant_id = ? AND user_id = ? AND key = ?")
			.params(status, body, location, position, caller.tenantId(), caller.userId(), key)
			.update();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void purgeExpired() {
		this.jdbc.sql("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)")
			.param(this.ttl.toSeconds())
			.update();
	}

	/**
	 * An answer given before.
	 *
	 * @param fingerprint the request it answered
	 * @param status its HTTP status
	 * @param body its JSON body, null when it had none
	 * @param location its Location header, may be null
	 * @param position its event position
	 */
	record StoredAnswer(String fingerprint, int status, String body, String location, long position) {
	}

}
