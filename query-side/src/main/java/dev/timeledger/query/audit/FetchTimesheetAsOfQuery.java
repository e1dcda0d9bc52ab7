package dev.timeledger.query.audit;

import java.time.Instant;

/**
 * A worker's week as it was at an instant, rebuilt from the events stored until then.
 *
 * @param tenantId the tenant
 * @param userId the worker
 * @param week the ISO week
 * @param asOf the instant
 */
public record FetchTimesheetAsOfQuery(String tenantId, String userId, String week, Instant asOf) {
}
