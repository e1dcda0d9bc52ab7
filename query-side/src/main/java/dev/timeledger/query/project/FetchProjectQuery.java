package dev.timeledger.query.project;

/**
 * One project of a tenant.
 *
 * @param tenantId the tenant
 * @param projectId the project
 */
public record FetchProjectQuery(String tenantId, String projectId) {
}
