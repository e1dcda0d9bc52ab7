package dev.timeledger.query.timesheet;

/**
 * A worker's week as the timesheet projection holds it.
 *
 * @param tenantId the tenant
 * @param userId the worker
 * @param week the ISO week
 */
public record FetchTimesheetQuery(String tenantId, String userId, String week) {
}
