package dev.timeledger.query.projection;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import dev.timeledger.events.operations.ParkedEventsReleased;
import dev.timeledger.query.feed.StoredEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Hands events to a projection's handler and parks a sequence whose event made the
 * handler fail: that event and every later one of its sequence wait in
 * {@code projection_parked_event} while all other sequences go on. A release (the
 * {@link ParkedEventsReleased} event) makes the projection handle the parked events
 * again, in order, at the release's position, which is also the position its changes
 * reach subscribers with.
 * <p>
 * Only the handler's own failures park. A failing database is not the event's fault: it
 * fails the batch, which the processor retries.
 */
final class ParkingEventHandlerInvoker implements EventHandlerInvoker {

	private static final Logger logger = LoggerFactory.getLogger(ParkingEventHandlerInvoker.class);

	private final EventHandlerInvoker handlers;

	private final ProjectionContext context;

	private final ParkedEvents parked;

	private final StoredEvents stored;

	ParkingEventHandlerInvoker(EventHandlerInvoker handlers, ProjectionContext context, ParkedEvents parked,
			StoredEvents stored) {
		this.handlers = handlers;
		this.context = context;
		this.parked = parked;
		this.stored = stored;
	}

	@Override
	public boolean canHandle(EventMessage<?> message, Segment segment) {
		return this.handlers.canHandle(message, segment);
	}

	@Override
	public boolean canHandleType(Class<?> payloadType) {
		return this.handlers.canHandleType(payloadType);
	}

	@Override
	public void handle(EventMessage<?> message, Segment segment) throws Exception {
		Set<String> parkedSequences = parkedSequences();
		if (ProjectionSequences.isRelease(message) && message.getPayload() instanceof ParkedEventsReleased released) {
			if (released.projection().equals(this.context.projection())
					&& parkedSequences.contains(released.sequence())) {
				release(released.sequence(), ((TrackedEventMessage<?>) message).trackingToken(), segment,
						parkedSequences);
			}
			return;
		}
		String sequence = ProjectionSequences.sequence(message, parkedSequences);
		long position = position(message);
		if (parkedSequences.contains(sequence)) {
			this.parked.park(this.context.projection(), this.context.version(), sequence, position, message,
					"waits behind an earlier parked event of its sequence");
			return;
		}
		String error = handleOrUndo(message, segment);
		if (error != null) {
			parkedSequences.add(sequence);
			this.parked.park(this.context.projection(), this.context.version(), sequence, position, message, error);
			logger.warn("Projection {} version {} parked sequence {} at position {}: {}", this.context.projection(),
					this.context.version(), sequence, position, error);
		}
	}

	/**
	 * Handles the parked events of a sequence again, up to the first that still fails.
	 */
	private void release(String sequence, TrackingToken releasePosition, Segment segment, Set<String> parkedSequences)
			throws Exception {
		List<TrackedEventMessage<?>> events = this.stored.read(ParkedEvents.parkedPositions(),
				this.context.projection(), this.context.version(), sequence);
		for (TrackedEventMessage<?> event : events) {
			long position = position(event);
			String error = handleOrUndo(
					new GenericTrackedDomainEventMessage<>(releasePosition, (DomainEventMessage<?>) event), segment);
			if (error != null) {
				this.parked.failedAgain(this.context.projection(), this.context.version(), position, error);
				logger.warn("Projection {} version {} could not handle released position {} of {}: {}",
						this.context.projection(), this.context.version(), position, sequence, error);
				return;
			}
			this.parked.released(this.context.projection(), this.context.version(), position);
		}
		parkedSequences.remove(sequence);
		logger.info("Projection {} version {} handled the {} released events of {}", this.context.projection(),
				this.context.version(), events.size(), sequence);
	}

	/**
	 * Handles an event; if its handler fails, undoes what it changed in the batch.
	 * @return null, or the handler's error
	 */
	private String handleOrUndo(EventMessage<?> message, Segment segment) throws Exception {
		ProjectionWriter writer = this.context.writer();
		writer.savepoint();
		try {
			this.handlers.handle(message, segment);
			return null;
		}
		catch (Exception ex) {
			if (causedByTheDatabase(ex)) {
				throw ex;
			}
			writer.rollback();
			return describe(ex);
		}
	}

	/** The sequences parked in this version, as this batch leaves them. */
	private Set<String> parkedSequences() {
		return CurrentUnitOfWork.get()
			.root()
			.getOrComputeResource("parked-sequences:" + this.context.processorName(),
					(key) -> this.parked.sequences(this.context.projection(), this.context.version()));
	}

	private static boolean causedByTheDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException || cause instanceof DataAccessException
					|| cause instanceof TransactionException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Exception failure) {
		String text = describe((Throwable) failure);
		// a wrapper's message seldom says why: the payload that could not be read, say
		Throwable cause = failure.getCause();
		if (cause != null && cause.getMessage() != null) {
			text += " (" + describe(cause) + ")";
		}
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

	private static String describe(Throwable failure) {
		return failure.getClass().getSimpleName() + ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
	}

	private static long position(EventMessage<?> message) {
		return ((TrackedEventMessage<?>) message).trackingToken().position().orElseThrow();
	}

}
