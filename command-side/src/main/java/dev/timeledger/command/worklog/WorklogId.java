package dev.timeledger.command.worklog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The identity of a worker's worklog: its tenant and user. The string form, used as the
 * aggregate identifier in the event store, is {@code tenant:user} with both parts
 * URL-encoded, so that no two pairs share one.
 *
 * @param tenantId the tenant
 * @param userId the worker
 */
public record WorklogId(String tenantId, String userId) {

	public static WorklogId of(String tenantId, String userId) {
		return new WorklogId(tenantId, userId);
	}

	@Override
	public String toString() {
		return encode(this.tenantId) + ":" + encode(this.userId);
	}

	private static String encode(String part) {
		return URLEncoder.encode(part, StandardCharsets.UTF_8);
	}

}
