package dev.timeledger.events.timer;

/**
 * An event of a worker's running timer. A worker has at most one running timer; its
 * {@code entryId} becomes the id of the time entry recorded when it stops.
 */
public sealed interface TimerEvent permits TimerStarted, TimerStopped, TimerDiscarded {

	String tenantId();

	String userId();

	String entryId();

	String actorId();

}
