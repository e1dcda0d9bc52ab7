package dev.timeledger.query.runningtimer;

/**
 * The running timer of a worker, if any.
 *
 * @param tenantId the tenant
 * @param userId the worker
 */
public record FetchRunningTimerQuery(String tenantId, String userId) {
}
