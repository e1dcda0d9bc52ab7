package dev.timeledger.web.observability;

import java.util.Map;

import dev.timeledger.events.EventMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Carries the request's correlation id into the metadata of every event it stores: the
 * command takes it from the log context when it is sent, and its events take it from the
 * command. Axon's own origin data (which message caused which) keeps its place under
 * {@code causationId} and {@code traceId} (ADR 11).
 */
@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {

	/** Registered on the command gateway by Axon's auto-configuration. */
	@Bean
	MessageDispatchInterceptor<CommandMessage<?>> correlationIdDispatchInterceptor() {
		return (messages) -> (index, command) -> {
			String correlationId = CorrelationId.current().orElse(null);
			if (correlationId == null || command.getMetaData().containsKey(EventMetadata.CORRELATION_ID)) {
				return command;
			}
			return command.andMetaData(Map.of(EventMetadata.CORRELATION_ID, correlationId));
		};
	}

	/**
	 * The command's correlation id, or its own id when it was sent outside a request (the
	 * demo loader).
	 */
	@Bean
	CorrelationDataProvider correlationIdProvider() {
		return (message) -> Map.of(EventMetadata.CORRELATION_ID,
				message.getMetaData().getOrDefault(EventMetadata.CORRELATION_ID, message.getIdentifier()));
	}

	/** Replaces Axon's default provider, which would write its own correlationId. */
	@Bean
	CorrelationDataProvider originProvider() {
		return new MessageOriginProvider(EventMetadata.CAUSATION_ID, EventMetadata.TRACE_ID);
	}

}
