package dev.timeledger.events.timer;

import java.time.Instant;

/**
 * A worker stopped the running timer. The time it measured is recorded by the
 * {@code TimeEntryRecorded} event(s) stored with this one; a timer that ran across a week
 * boundary yields one entry per week.
 */
public record TimerStopped(String tenantId, String userId, String entryId, Instant startedAt, Instant stoppedAt,
		long durationSeconds, String actorId) implements TimerEvent {
}
