package dev.timeledger.query.projectreport;

/**
 * The time of a project over a range of weeks per week, user and task: the rows of the
 * CSV form of the project report.
 *
 * @param tenantId the tenant
 * @param projectId the project
 * @param fromWeek the first ISO week, inclusive, or null for no lower bound
 * @param toWeek the last ISO week, inclusive, or null for no upper bound
 */
public record FetchProjectReportLinesQuery(String tenantId, String projectId, String fromWeek, String toWeek) {
}
