package dev.timeledger.events.project;

import java.math.BigDecimal;

/**
 * A project was created in a tenant. {@code hourlyRate} and {@code currency} are both
 * null when the project has no rate.
 */
public record ProjectCreated(String tenantId, String projectId, String name, String client, boolean billable,
		BigDecimal hourlyRate, String currency, String actorId) implements ProjectEvent {
}
