package dev.timeledger.web.eventstore;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.query.projection.EventArrivals;
import dev.timeledger.web.TimeLedgerProperties;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event store: Axon's JDBC engine on PostgreSQL with JSON serialization, snake_case
 * tables owned by Flyway, snapshots of worklogs, and the position of every command's last
 * event in its answer.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

	@Bean
	@Primary
	Serializer serializer() {
		return JacksonSerializer.builder().objectMapper(EventJson.state()).build();
	}

	@Bean
	@Qualifier("eventSerializer")
	Serializer eventSerializer() {
		ObjectMapper mapper = EventJson.events();
		return new PublicNameSerializer(JacksonSerializer.builder().objectMapper(mapper).build(), mapper);
	}

	@Bean
	@Qualifier("messageSerializer")
	Serializer messageSerializer() {
		return JacksonSerializer.builder().objectMapper(EventJson.events()).build();
	}

	@Bean
	EventSchema eventSchema() {
		return EventSchema.builder()
			.eventTable("domain_event_entry")
			.snapshotTable("snapshot_event_entry")
			.globalIndexColumn("global_index")
			.eventIdentifierColumn("event_identifier")
			.aggregateIdentifierColumn("aggregate_identifier")
			.sequenceNumberColumn("sequence_number")
			.typeColumn("type")
			.timestampColumn("time_stamp")
			.payloadTypeColumn("payload_type")
			.payloadRevisionColumn("payload_revision")
			.payloadColumn("payload")
			.metaDataColumn("meta_data")
			.build();
	}

	@Bean
	TokenSchema tokenSchema() {
		return TokenSchema.builder()
			.setTokenTable("token_entry")
			.setProcessorNameColumn("processor_name")
			.setSegmentColumn("segment")
			.setTokenColumn("token")
			.setTokenTypeColumn("token_type")
			.setTimestampColumn("timestamp")
			.setOwnerColumn("owner")
			.build();
	}

	@Bean
	EventStorageEngine eventStorageEngine(Serializer serializer,
			@Qualifier("eventSerializer") Serializer eventSerializer, Configuration configuration,
			ConnectionProvider connectionProvider, TransactionManager transactionManager, EventSchema schema,
			EventArrivals arrivals, @Value("${timeledger.event-store.gap-timeout:60s}") Duration gapTimeout,
			@Value("${timeledger.event-store.batch-size:1000}") int batchSize) {
		JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
			.snapshotSerializer(serializer)
			.eventSerializer(eventSerializer)
			.upcasterChain(configuration.upcasterChain())
			.snapshotFilter(configuration.snapshotFilter())
			.persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
			.connectionProvider(connectionProvider)
			.transactionManager(transactionManager)
			.schema(schema)
			.dataType(String.class)
			.batchSize(batchSize)
			// gaps below a visible position are rollbacks: appends are serialized (ADR 3)
			.gapTimeout((int) gapTimeout.toMillis())
			.createTokenAt((connection, eventSchema, instant) -> {
				PreparedStatement statement = connection
					.prepareStatement("SELECT min(" + eventSchema.globalIndexColumn() + ") - 1 FROM "
							+ eventSchema.domainEventTable() + " WHERE " + eventSchema.timestampColumn() + " >= ?");
				statement.setObject(1, instant.atOffset(ZoneOffset.UTC));
				return statement;
			})
			.appendSnapshot(SnapshotStatements::append);
		return new PostgresEventStorageEngine(builder, transactionManager, schema, arrivals);
	}

	@Bean
	SpringAggregateSnapshotter snapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
			ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
			TransactionManager transactionManager) {
		return SpringAggregateSnapshotter.builder()
			.repositoryProvider(configuration::repository)
			.transactionManager(transactionManager)
			.eventStore(eventStore)
			.parameterResolverFactory(parameterResolverFactory)
			.handlerDefinition(handlerDefinition)
			.executor(snapshotExecutor())
			.build();
	}

	/** Aggregates kept between commands while current ({@link FreshAggregateCache}). */
	@Bean
	FreshAggregateCache aggregateCache(JdbcClient jdbc, TimeLedgerProperties properties) {
		return new FreshAggregateCache(jdbc, properties.aggregateCacheSize());
	}

	/**
	 * Registered on the command bus by Axon's auto-configuration, after the transaction's
	 * interceptor.
	 */
	@Bean
	DeferredFreshnessCheck deferredFreshnessCheck(FreshAggregateCache aggregateCache, JdbcClient jdbc) {
		return new DeferredFreshnessCheck(aggregateCache, jdbc);
	}

	@Bean
	SnapshotTriggerDefinition worklogSnapshotTrigger(Snapshotter snapshotter, TimeLedgerProperties properties) {
		return new GrowingSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
	}

	/**
	 * A handler that fails inside a command's transaction fails the command: nothing is
	 * stored, and no read model silently misses an event.
	 */
	@Bean
	ConfigurerModule propagateHandlerErrors() {
		return (configurer) -> configurer.eventProcessing()
			.registerDefaultListenerInvocationErrorHandler((config) -> PropagatingErrorHandler.instance());
	}

	/** Registered on the command bus by Axon's auto-configuration. */
	@Bean
	PositionRecordingInterceptor positionRecordingInterceptor() {
		return new PositionRecordingInterceptor();
	}

	/** Snapshots are taken after the command's commit, off the request thread. */
	private static Executor snapshotExecutor() {
		return Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "snapshotter");
			thread.setDaemon(true);
			return thread;
		});
	}

}
