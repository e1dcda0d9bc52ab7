package dev.timeledger.query.runningtimer;

import java.time.Instant;

/**
 * A worker's running timer, with its start so that a client can show it ticking.
 *
 * @param entryId the id its entry will get
 * @param projectId the project
 * @param task the task, may be null
 * @param description the description, may be null
 * @param startedAt when it started
 * @param zone the worker's zone
 */
public record RunningTimerView(String entryId, String projectId, String task, String description, Instant startedAt,
		String zone) {
}
