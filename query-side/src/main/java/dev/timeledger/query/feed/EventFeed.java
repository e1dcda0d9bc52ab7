package dev.timeledger.query.feed;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.events.EventCatalog;
import dev.timeledger.query.projection.ProjectionJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import org.springframework.stereotype.Component;

/**
 * The events of a tenant after a position, for integrations. Positions are the commit
 * order (appends are serialized), so a page never skips an event that commits later.
 */
@Component
public class EventFeed {

	private static final ObjectMapper JSON = ProjectionJson.mapper();

	private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
	};

	private final StoredEvents events;

	EventFeed(StoredEvents events) {
		this.events = events;
	}

	/**
	 * Up to {@code limit} events of the tenant after {@code after}, oldest first.
	 * @param types public names to keep, all when empty
	 */
	public List<FeedEvent> after(String tenantId, long after, int limit, Collection<String> types) {
		List<TrackedEventMessage<?>> page = types.isEmpty()
				? this.events.read("tenant_id = ? AND global_index > ? ORDER BY global_index LIMIT ?", tenantId, after,
						limit)
				: this.events.read(
						"tenant_id = ? AND global_index > ? AND payload_type = ANY (?) ORDER BY global_index LIMIT ?",
						tenantId, after, types.toArray(String[]::new), limit);
		return page.stream()
			.map(EventFeed::feedEvent)
			.filter((event) -> types.isEmpty() || types.contains(event.type()))
			.toList();
	}

	private static FeedEvent feedEvent(TrackedEventMessage<?> message) {
		Object payload = message.getPayload();
		EventCatalog.EventType type = EventCatalog.byClass(payload.getClass()).orElseThrow();
		Map<String, Object> data = JSON.convertValue(payload, FIELDS);
		String aggregateId = (message instanceof DomainEventMessage<?> domain) ? domain.getAggregateIdentifier() : null;
		return new FeedEvent(StoredEvents.position(message), message.getIdentifier(), type.name(),
				Integer.parseInt(type.revision()), aggregateId, message.getTimestamp(), (String) data.get("actorId"),
				data);
	}

}
