package dev.timeledger.web.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timeledger.events.EventCatalog;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Upcasts {@code TimeEntryRecorded} revision 0 to revision 1. A test fixture: revision 0,
 * which counted {@code durationMinutes} and, predating timers, had no {@code source}, is
 * invented and was never stored by the server. It lets a test prove that an upcaster
 * registered as a Spring bean, as a real one would be, reaches every reader of stored
 * events.
 */
class TimeEntryRecorded0to1Upcaster extends SingleEventUpcaster {

	private static final EventCatalog.EventType CURRENT = EventCatalog.byClass(TimeEntryRecorded.class).orElseThrow();

	static final SimpleSerializedType REVISION_0 = new SimpleSerializedType(CURRENT.name(), "0");

	@Override
	protected boolean canUpcast(IntermediateEventRepresentation representation) {
		return REVISION_0.equals(representation.getType());
	}

	@Override
	protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
		return representation.upcastPayload(new SimpleSerializedType(CURRENT.name(), "1"), JsonNode.class,
				(payload) -> {
					ObjectNode event = (ObjectNode) payload;
					event.put("durationSeconds", event.remove("durationMinutes").asLong() * 60);
					// without timers, every entry was entered by hand
					event.put("source", "manual");
					return event;
				});
	}

}
