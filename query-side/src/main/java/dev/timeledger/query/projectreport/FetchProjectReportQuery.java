package dev.timeledger.query.projectreport;

/**
 * The totals of a project over a range of weeks.
 *
 * @param tenantId the tenant
 * @param projectId the project
 * @param fromWeek the first ISO week, inclusive, or null for no lower bound
 * @param toWeek the last ISO week, inclusive, or null for no upper bound
 */
public record FetchProjectReportQuery(String tenantId, String projectId, String fromWeek, String toWeek) {
}
