package dev.timeledger.query.audit;

/**
 * Every event of a worker's week and of its entries, oldest first.
 *
 * @param tenantId the tenant
 * @param userId the worker
 * @param week the ISO week
 */
public record FetchTimesheetHistoryQuery(String tenantId, String userId, String week) {
}
