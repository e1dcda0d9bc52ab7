package dev.timeledger.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event position up to which a processor is complete: the lowest position its
 * segments' tokens have reached. Appends are serialized (positions are a commit order),
 * so a segment at position p has handled every event up to p.
 */
final class TokenPositions {

	private TokenPositions() {
	}

	static long position(JdbcClient jdbc, String processorName) {
		return jdbc.sql("""
				SELECT coalesce(min(coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, 0)), 0)
				FROM token_entry WHERE processor_name = ?""").param(processorName).query(Long.class).single();
	}

}
