package dev.timeledger.query.projection;

import java.util.Set;

import dev.timeledger.events.operations.ParkedEventsReleased;
import dev.timeledger.events.timer.TimerEvent;
import dev.timeledger.events.timesheet.TimesheetEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.serialization.SerializationException;

/**
 * The sequences a projection handles in order, and parks as a whole when one of their
 * events fails: a worker's timesheet of one week ({@code <worklog>/<week>}), a worker's
 * timer ({@code <worklog>/timer}) or a project ({@code <project>}). An event that cannot
 * be read at all has its whole aggregate ({@code <worklog>}) as its sequence. A sequence
 * lies inside one aggregate, so a segment (assigned per aggregate) owns all of it; a
 * release of parked events goes to the segment that owns its sequence.
 */
final class ProjectionSequences implements SequencingPolicy<EventMessage<?>> {

	static final ProjectionSequences INSTANCE = new ProjectionSequences();

	private ProjectionSequences() {
	}

	/**
	 * The sequence an event belongs to, given the parked ones: once an unreadable event
	 * has parked its whole aggregate, every later event of the aggregate waits in it.
	 */
	static String sequence(EventMessage<?> message, Set<String> parked) {
		String aggregate = aggregate(message);
		return parked.contains(aggregate) ? aggregate : sequence(message);
	}

	/** The sequence an event belongs to. */
	static String sequence(EventMessage<?> message) {
		String aggregate = aggregate(message);
		Object payload;
		try {
			payload = message.getPayload();
		}
		catch (SerializationException ex) {
			// unreadable (a revision without an upcaster): its week is unknown, so its
			// aggregate is its sequence
			return aggregate;
		}
		if (payload instanceof ParkedEventsReleased released) {
			return released.sequence();
		}
		if (payload instanceof TimesheetEvent timesheet) {
			return aggregate + "/" + timesheet.week();
		}
		if (payload instanceof TimerEvent) {
			return aggregate + "/timer";
		}
		return aggregate;
	}

	@Override
	public Object getSequenceIdentifierFor(EventMessage<?> message) {
		if (isRelease(message) && message.getPayload() instanceof ParkedEventsReleased released) {
			int slash = released.sequence().indexOf('/');
			return (slash < 0) ? released.sequence() : released.sequence().substring(0, slash);
		}
		return aggregate(message);
	}

	/** Whether the event releases parked events: known without reading its payload. */
	static boolean isRelease(EventMessage<?> message) {
		return ParkedEventsReleased.class.equals(message.getPayloadType());
	}

	private static String aggregate(EventMessage<?> message) {
		return (message instanceof DomainEventMessage<?> domain) ? domain.getAggregateIdentifier()
				: message.getIdentifier();
	}

}
