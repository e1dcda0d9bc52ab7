package dev.timeledger.events.project;

/**
 * A project got a new name.
 */
public record ProjectRenamed(String tenantId, String projectId, String name, String actorId) implements ProjectEvent {
}
