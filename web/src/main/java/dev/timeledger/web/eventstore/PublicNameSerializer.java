package dev.timeledger.web.eventstore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.timeledger.events.EventCatalog;
import dev.timeledger.events.EventCatalog.EventType;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * Stores events under their public name and revision from {@link EventCatalog} (such as
 * {@code TimesheetApproved}, revision {@code 1}) instead of a Java class name, so that
 * the stored data and the feed never depend on where a class lives. Anything else passes
 * through to the wrapped serializer unchanged.
 */
final class PublicNameSerializer implements Serializer {

	private final Serializer delegate;

	private final ObjectMapper mapper;

	private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

	PublicNameSerializer(Serializer delegate, ObjectMapper mapper) {
		this.delegate = delegate;
		this.mapper = mapper;
	}

	@Override
	public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
		SerializedObject<T> serialized = this.delegate.serialize(object, expectedRepresentation);
		return EventCatalog.byClass(object.getClass())
			.<SerializedObject<T>>map((type) -> new SimpleSerializedObject<>(serialized.getData(),
					expectedRepresentation, type.name(), type.revision()))
			.orElse(serialized);
	}

	@Override
	public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
		return this.delegate.canSerializeTo(expectedRepresentation);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <S, T> T deserialize(SerializedObject<S> serializedObject) {
		Optional<EventType> eventType = EventCatalog.byName(serializedObject.getType().getName());
		String revision = serializedObject.getType().getRevision();
		if (eventType.isPresent() && !eventType.get().revision().equals(revision)) {
			// upcasters have run by now: reading another shape as this one would fill
			// what differs with defaults, silently
			throw new SerializationException("A stored " + eventType.get().name() + " has revision " + revision
					+ ", and this server reads revision " + eventType.get().revision()
					+ ": an upcaster for it is missing, or a newer server stored it");
		}
		if (eventType.isPresent() && serializedObject.getData() instanceof String json) {
			// one reader per event class: building a reader per event dominates a
			// replay's cost
			try {
				return (T) this.readers.computeIfAbsent(eventType.get().javaType(), this.mapper::readerFor)
					.readValue(json);
			}
			catch (JsonProcessingException ex) {
				throw new SerializationException("Could not read " + eventType.get().name() + ": " + ex.getMessage(),
						ex);
			}
		}
		SerializedObject<S> forDelegate = EventCatalog.byName(serializedObject.getType().getName())
			.<SerializedObject<S>>map((type) -> new SimpleSerializedObject<>(serializedObject.getData(),
					serializedObject.getContentType(),
					new SimpleSerializedType(type.javaType().getName(), serializedObject.getType().getRevision())))
			.orElse(serializedObject);
		return this.delegate.deserialize(forDelegate);
	}

	@Override
	public Class classForType(SerializedType type) {
		return EventCatalog.byName(type.getName())
			.<Class>map(EventType::javaType)
			.orElseGet(() -> this.delegate.classForType(type));
	}

	@Override
	public SerializedType typeForClass(Class type) {
		return EventCatalog.byClass(type)
			.<SerializedType>map((eventType) -> new SimpleSerializedType(eventType.name(), eventType.revision()))
			.orElseGet(() -> this.delegate.typeForClass(type));
	}

	@Override
	public Converter getConverter() {
		return this.delegate.getConverter();
	}

}
