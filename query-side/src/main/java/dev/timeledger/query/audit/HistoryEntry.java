package dev.timeledger.query.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a timesheet's history.
 *
 * @param position its global position
 * @param type its public name
 * @param occurredAt when it was stored
 * @param actor who caused it
 * @param data its fields in the current revision
 */
public record HistoryEntry(long position, String type, Instant occurredAt, String actor, Map<String, Object> data) {
}
