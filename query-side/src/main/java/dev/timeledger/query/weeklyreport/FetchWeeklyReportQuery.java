package dev.timeledger.query.weeklyreport;

/**
 * The weekly report of a worker.
 *
 * @param tenantId the tenant
 * @param userId the worker
 * @param week the ISO week
 */
public record FetchWeeklyReportQuery(String tenantId, String userId, String week) {
}
