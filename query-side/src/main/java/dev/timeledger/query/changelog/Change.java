package dev.timeledger.query.changelog;

import java.time.Instant;
import java.util.Map;

/**
 * A change of one projection key, as subscribers of its destination learn it.
 *
 * @param projection the projection
 * @param destination the destination without {@code /topic/}, such as
 * {@code tenants/acme/weekly-reports/walt/2026-W47}; {@code *} for a reset of all of them
 * @param position the event position of the change; grows along every destination
 * @param kind {@code invalidate}, or {@code reset} for "refetch everything"
 * @param key the projection key, such as {@code {"userId": "walt", "week": "2026-W47"}}
 * @param cause the public name of the event that caused it, null for a reset
 * @param occurredAt when that event happened
 * @param correlationId the correlation id of the request that stored that event, null
 * when unknown (a reset, or an event stored before correlation ids)
 */
public record Change(String projection, String destination, long position, String kind, Map<String, Object> key,
		String cause, Instant occurredAt, String correlationId) {

	public static final String INVALIDATE = "invalidate";

	public static final String RESET = "reset";

	public static final String ALL = "*";

	public boolean reset() {
		return RESET.equals(this.kind);
	}

}
