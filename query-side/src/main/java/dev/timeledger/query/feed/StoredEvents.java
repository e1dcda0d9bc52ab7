package dev.timeledger.query.feed;

import java.time.OffsetDateTime;
import java.util.List;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads stored events with plain SQL and turns them into messages the way the event store
 * does: upcast to their current revision, then deserialized. For reads that select events
 * by something the event store's API cannot (a tenant, a worker), keeping their global
 * position.
 */
@Component
public class StoredEvents {

	private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number,"
			+ " event_identifier, time_stamp, payload_type, payload_revision, payload::text, meta_data::text";

	private final JdbcClient jdbc;

	private final Serializer serializer;

	private final Configuration axon;

	StoredEvents(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.axon = axon;
	}

	/**
	 * The events a query selects, in the order it gives.
	 * @param condition what follows {@code WHERE}, with {@code ?} parameters
	 * @param parameters the parameters
	 */
	public List<TrackedEventMessage<?>> read(String condition, Object... parameters) {
		List<TrackedDomainEventData<String>> stored = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM domain_event_entry WHERE " + condition)
			.params(parameters)
			.query((rs, row) -> new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong(1)),
					new GenericDomainEventEntry<>(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
							rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), rs.getString(9),
							rs.getString(10))))
			.list();
		return EventUtils.upcastAndDeserializeTrackedEvents(stored.stream(), this.serializer, this.axon.upcasterChain())
			.toList();
	}

	/** The global position of a message read here. */
	public static long position(TrackedEventMessage<?> event) {
		return event.trackingToken().position().orElse(0);
	}

}
