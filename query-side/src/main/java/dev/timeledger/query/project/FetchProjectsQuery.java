package dev.timeledger.query.project;

/**
 * All projects of a tenant, archived ones too, by name.
 *
 * @param tenantId the tenant
 */
public record FetchProjectsQuery(String tenantId) {
}
