package dev.timeledger.events.timer;

import java.time.Instant;

/**
 * A worker started a timer at {@code startedAt}; {@code zone} is the worker's time zone,
 * which decides the week and days of the resulting entry.
 */
public record TimerStarted(String tenantId, String userId, String entryId, String projectId, String task,
		String description, Instant startedAt, String zone, String actorId) implements TimerEvent {
}
