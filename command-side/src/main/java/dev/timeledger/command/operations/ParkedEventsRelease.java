package dev.timeledger.command.operations;

import dev.timeledger.command.Role;
import dev.timeledger.events.operations.ParkedEventsReleased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;

import org.springframework.stereotype.Component;

/**
 * Records an operator's release of parked events as an event: the projections see it in
 * event order, on whichever node runs them, and the event store keeps who released what.
 */
@Component
class ParkedEventsRelease {

	private final EventBus eventBus;

	ParkedEventsRelease(EventBus eventBus) {
		this.eventBus = eventBus;
	}

	@CommandHandler
	void handle(ReleaseParkedEvents command) {
		command.actor().requireAny(Role.OPERATOR);
		this.eventBus.publish(GenericEventMessage.asEventMessage(
				new ParkedEventsReleased(command.projection(), command.sequence(), command.actor().userId())));
	}

}
