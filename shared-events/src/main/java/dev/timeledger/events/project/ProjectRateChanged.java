package dev.timeledger.events.project;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The project's hourly rate changed for work that starts at or after
 * {@code effectiveFrom}; a null rate and currency remove the rate from then on.
 */
public record ProjectRateChanged(String tenantId, String projectId, BigDecimal hourlyRate, String currency,
		Instant effectiveFrom, String actorId) implements ProjectEvent {
}
