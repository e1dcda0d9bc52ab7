package dev.timeledger.events.timer;

import java.time.Instant;

/**
 * A worker discarded the running timer: no time is recorded.
 */
public record TimerDiscarded(String tenantId, String userId, String entryId, Instant startedAt,
		String actorId) implements TimerEvent {
}
