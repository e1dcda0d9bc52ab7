package dev.timeledger.web.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.timeledger.query.projection.EventArrivals;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC storage engine, fitted to PostgreSQL: JSONB payloads, {@code timestamptz}
 * times, and appends serialized by a transaction-scoped advisory lock.
 * <p>
 * The lock is what makes the global index a commit order: an append takes its indexes
 * only after every earlier append has committed or rolled back. A reader therefore never
 * sees a position before an earlier one is visible, so positions can be handed to clients
 * as resume points and no event processor can skip a late commit (ADR 0003).
 */
final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

	/** The channel a committed append notifies. */
	static final String EVENTS_CHANNEL = "timeledger_events";

	/** The advisory lock key of appends ("TLAPPEND" in ASCII). */
	static final long APPEND_LOCK = 0x544c415050454e44L;

	private final TransactionManager transactions;

	private final EventSchema schema;

	private final EventArrivals arrivals;

	PostgresEventStorageEngine(Builder builder, TransactionManager transactions, EventSchema schema,
			EventArrivals arrivals) {
		super(builder);
		this.transactions = transactions;
		this.schema = schema;
		this.arrivals = arrivals;
	}

	@Override
	protected void appendEvents(List<? extends EventMessage<?>> published, Serializer serializer) {
		if (published.isEmpty()) {
			return;
		}
		// an event published outside an aggregate (an operator's action) is a sequence of
		// its own: aggregate identifier = event identifier, sequence 0
		List<DomainEventMessage<?>> events = published.stream()
			.<DomainEventMessage<?>>map(EventUtils::asDomainEventMessage)
			.toList();
		this.transactions.executeInTransaction(() -> {
			Connection connection = getConnection();
			try {
				try (Statement lock = connection.createStatement()) {
					lock.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
				}
				requireNextSequences(connection, events);
				long last = insert(connection, events, serializer);
				AppendedPosition.recordInCurrentUnitOfWork(last);
				signalAfterCommit();
			}
			catch (SQLException ex) {
				handlePersistenceException(ex, events.get(0));
			}
			finally {
				JdbcUtils.closeQuietly(connection);
			}
		});
	}

	/** Wakes the projections once the transaction that holds the events has committed. */
	private void signalAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					PostgresEventStorageEngine.this.arrivals.signal();
				}
			});
		}
		else {
			this.arrivals.signal();
		}
	}

	/**
	 * Detects a lost optimistic-concurrency race before inserting, so that a conflicting
	 * append takes no global index and leaves no gap. Exact, because the lock is held;
	 * the unique key on (aggregate, sequence) stays as the safety net.
	 */
	private void requireNextSequences(Connection connection, List<DomainEventMessage<?>> events) throws SQLException {
		Map<String, Long> firstSequences = new LinkedHashMap<>();
		for (DomainEventMessage<?> domainEvent : events) {
			firstSequences.putIfAbsent(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + this.schema.aggregateIdentifierColumn() + ", max("
					+ this.schema.sequenceNumberColumn() + ") FROM " + this.schema.domainEventTable() + " WHERE "
					+ this.schema.aggregateIdentifierColumn() + " = ANY (?) GROUP BY 1")) {
			statement.setArray(1, connection.createArrayOf("text", firstSequences.keySet().toArray()));
			Map<String, Long> stored = new HashMap<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					stored.put(rows.getString(1), rows.getLong(2));
				}
			}
			firstSequences.forEach((aggregate, first) -> {
				if (stored.getOrDefault(aggregate, -1L) != first - 1) {
					throw new ConcurrencyException("Aggregate " + aggregate + " was changed concurrently: sequence "
							+ first + " is not next after " + stored.getOrDefault(aggregate, -1L));
				}
			});
		}
	}

	private long insert(Connection connection, List<DomainEventMessage<?>> events, Serializer serializer)
			throws SQLException {
		String row = "(?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))";
		// the NOTIFY wakes the processors and feeds of the other nodes once this commits
		String sql = "WITH inserted AS (INSERT INTO " + this.schema.domainEventTable() + " ("
				+ this.schema.domainEventFields() + ") VALUES "
				+ String.join(", ", Collections.nCopies(events.size(), row)) + " RETURNING "
				+ this.schema.globalIndexColumn() + ") SELECT " + this.schema.globalIndexColumn() + ", pg_notify('"
				+ EVENTS_CHANNEL + "', '') FROM inserted";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int parameter = 1;
			for (DomainEventMessage<?> domainEvent : events) {
				SerializedObject<String> payload = domainEvent.serializePayload(serializer, String.class);
				SerializedObject<String> metaData = domainEvent.serializeMetaData(serializer, String.class);
				statement.setString(parameter++, domainEvent.getIdentifier());
				statement.setString(parameter++, domainEvent.getAggregateIdentifier());
				statement.setLong(parameter++, domainEvent.getSequenceNumber());
				statement.setString(parameter++, domainEvent.getType());
				writeTimestamp(statement, parameter++, domainEvent.getTimestamp());
				statement.setString(parameter++, payload.getType().getName());
				statement.setString(parameter++, payload.getType().getRevision());
				statement.setString(parameter++, payload.getData());
				statement.setString(parameter++, metaData.getData());
			}
			long last = -1;
			try (ResultSet keys = statement.executeQuery()) {
				while (keys.next()) {
					last = Math.max(last, keys.getLong(1));
				}
			}
			return last;
		}
	}

	@Override
	protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
		statement.setObject(position, timestamp.atOffset(ZoneOffset.UTC));
	}

	@Override
	protected Object readTimeStamp(ResultSet resultSet, String columnName) throws SQLException {
		return resultSet.getObject(columnName, OffsetDateTime.class);
	}

	@Override
	@SuppressWarnings("unchecked")
	protected <T> T readPayload(ResultSet resultSet, String columnName) throws SQLException {
		return (T) resultSet.getString(columnName);
	}

}
