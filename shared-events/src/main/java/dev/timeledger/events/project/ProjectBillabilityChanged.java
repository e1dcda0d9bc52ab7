package dev.timeledger.events.project;

/**
 * Whether new time on the project is billable by default changed.
 */
public record ProjectBillabilityChanged(String tenantId, String projectId, boolean billable,
		String actorId) implements ProjectEvent {
}
