package dev.timeledger.query.feed;

import java.time.Instant;
import java.util.Map;

/**
 * One event of the feed for integrations.
 *
 * @param position its global position: the resume point
 * @param eventId its unique id
 * @param type its stable public name, such as {@code TimesheetApproved}
 * @param revision the revision of {@code data}'s shape, a count of its schema changes
 * from 1 (events are upcast to the current one)
 * @param aggregateId the stream it belongs to
 * @param occurredAt when it was stored
 * @param actor who caused it
 * @param data its fields
 */
public record FeedEvent(long position, String eventId, String type, int revision, String aggregateId,
		Instant occurredAt, String actor, Map<String, Object> data) {
}
