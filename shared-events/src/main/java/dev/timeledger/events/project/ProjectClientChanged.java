package dev.timeledger.events.project;

/**
 * A project's client changed; {@code client} is null when it was removed.
 */
public record ProjectClientChanged(String tenantId, String projectId, String client,
		String actorId) implements ProjectEvent {
}
