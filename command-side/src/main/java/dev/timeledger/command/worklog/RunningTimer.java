package dev.timeledger.command.worklog;

import java.time.Instant;

/**
 * The worker's running timer.
 *
 * @param entryId the id the recorded entry will get
 * @param projectId the project it runs on
 * @param task the task, may be null
 * @param description the description, may be null
 * @param startedAt when it started
 * @param zone the worker's zone when it started
 */
record RunningTimer(String entryId, String projectId, String task, String description, Instant startedAt, String zone) {
}
