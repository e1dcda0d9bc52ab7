package dev.timeledger.events.project;

/**
 * An archived project was restored: time can be tracked on it again.
 */
public record ProjectRestored(String tenantId, String projectId, String actorId) implements ProjectEvent {
}
