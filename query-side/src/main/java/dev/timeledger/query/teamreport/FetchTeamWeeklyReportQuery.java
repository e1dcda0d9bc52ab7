package dev.timeledger.query.teamreport;

/**
 * The week of every member of a tenant.
 *
 * @param tenantId the tenant
 * @param week the ISO week
 */
public record FetchTeamWeeklyReportQuery(String tenantId, String week) {
}
