package dev.timeledger.events.project;

/**
 * A project was archived: no new time can be tracked on it.
 */
public record ProjectArchived(String tenantId, String projectId, String actorId) implements ProjectEvent {
}
