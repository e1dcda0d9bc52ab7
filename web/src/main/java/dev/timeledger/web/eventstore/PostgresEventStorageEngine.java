package dev.timeledger.web.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.timeledger.command.AppendPreconditions;
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

/**
 * Axon's JDBC storage engine, fitted to PostgreSQL: JSONB payloads, {@code timestamptz}
 * times, and appends serialized by a transaction-scoped advisory lock.
 * <p>
 * The lock is what makes the global index a commit order: an append takes its indexes
 * only after every earlier append has committed or rolled back. A reader therefore never
 * sees a position before an earlier one is visible, so positions can be handed to clients
 * as resume points and no event processor can skip a late commit (ADR 0003). Events are
 * serialized when they are appended but stored as the transaction's last step, in the
 * round trip of its commit ({@link PendingAppend}), so that the lock is held for one
 * statement and the commit only, with no wait for the application in between.
 */
final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

	/** The channel a committed append notifies. */
	static final String EVENTS_CHANNEL = "timeledger_events";

	/** The advisory lock key of appends ("TLAPPEND" in ASCII). */
	static final long APPEND_LOCK = 0x544c415050454e44L;

	/** The error of an append that lost the race for an aggregate's next sequence. */
	static final String APPEND_CONFLICT = "TL409";

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
		List<Object[]> rows = new ArrayList<>(events.size());
		for (DomainEventMessage<?> event : events) {
			SerializedObject<String> payload = event.serializePayload(serializer, String.class);
			SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
			rows.add(new Object[] { event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
					event.getType(), event.getTimestamp().atOffset(ZoneOffset.UTC), payload.getType().getName(),
					payload.getType().getRevision(), payload.getData(), metaData.getData() });
		}
		AppendedPosition position = AppendedPosition.ofCurrentUnitOfWork();
		this.transactions.executeInTransaction(() -> PendingAppend.of(this).add(events.get(0), rows, position));
	}

	/**
	 * Stores the events a transaction appended: takes the append lock, checks that each
	 * aggregate's first new sequence number is the next one and that the transaction's
	 * {@link AppendPreconditions} hold, and inserts, in one statement. A lost
	 * optimistic-concurrency race fails the statement before it takes a global index.
	 * @param locked whether the transaction holds the append lock already
	 * @param commit whether to commit the transaction in the same round trip: this is its
	 * last step, and the lock is released without waiting for the application to send the
	 * commit. A failed statement skips the commit, and the transaction rolls back.
	 * @return the highest global index taken
	 */
	long store(List<Object[]> rows, EventMessage<?> first, boolean locked, boolean commit) {
		Connection connection = getConnection();
		try {
			return insert(connection, rows, locked, commit);
		}
		catch (SQLException ex) {
			if (APPEND_CONFLICT.equals(ex.getSQLState())) {
				throw new ConcurrencyException(ex.getMessage(), ex);
			}
			handlePersistenceException(ex, first);
			throw new IllegalStateException(ex);
		}
		finally {
			JdbcUtils.closeQuietly(connection);
		}
	}

	/**
	 * Wakes the projections once a transaction that held events up to {@code last} has
	 * committed.
	 */
	void signal(long last) {
		this.arrivals.signal(last);
	}

	private long insert(Connection connection, List<Object[]> rows, boolean locked, boolean commit)
			throws SQLException {
		List<AppendPreconditions.Condition> conditions = AppendPreconditions.takeForCurrentTransaction();
		Map<String, Long> firstSequences = new LinkedHashMap<>();
		for (Object[] row : rows) {
			firstSequences.putIfAbsent((String) row[1], (Long) row[2]);
		}
		String table = this.schema.domainEventTable();
		String aggregate = this.schema.aggregateIdentifierColumn();
		String sequence = this.schema.sequenceNumberColumn();
		// the lock, the insert and the commit go in one round trip: the lock's next
		// holder inserts at once, and this one commits without waiting for the
		// application. One NOTIFY (the uncorrelated subquery runs once) wakes the
		// processors and feeds of the other nodes after commit, with the highest
		// position stored. A conflict raises (append_conflict, in the select list of
		// a volatile and so materialized CTE), which skips the commit after it.
		String sql = (locked ? "" : "SELECT pg_advisory_xact_lock(" + APPEND_LOCK + "); ")
				+ "WITH expected (aggregate, first) AS (VALUES "
				+ String.join(", ", Collections.nCopies(firstSequences.size(), "(CAST(? AS text), CAST(? AS bigint))"))
				+ "), conflict AS (SELECT append_conflict('aggregate ' || e.aggregate || ' has events past sequence ' ||"
				+ " (e.first - 1)) FROM expected e WHERE coalesce((SELECT max(" + sequence + ") FROM " + table
				+ " d WHERE d." + aggregate + " = e.aggregate), -1) <> e.first - 1"
				+ (conditions.isEmpty() ? ""
						: " UNION ALL SELECT append_conflict('a fact its command read has changed') WHERE NOT ("
								+ AppendPreconditions.allHold(conditions) + ")")
				+ "), inserted AS (INSERT INTO " + table + " (" + this.schema.domainEventFields()
				+ ") SELECT * FROM (VALUES "
				+ String.join(", ",
						Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))"))
				+ ") AS appended WHERE NOT EXISTS (SELECT 1 FROM conflict) RETURNING " + this.schema.globalIndexColumn()
				+ ") SELECT " + this.schema.globalIndexColumn() + ", (SELECT pg_notify('" + EVENTS_CHANNEL + "', max("
				+ this.schema.globalIndexColumn() + ")::text) FROM inserted) FROM inserted"
				+ (commit ? "; COMMIT" : "");
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int parameter = 1;
			for (Map.Entry<String, Long> first : firstSequences.entrySet()) {
				statement.setString(parameter++, first.getKey());
				statement.setLong(parameter++, first.getValue());
			}
			for (Object value : AppendPreconditions.parametersOf(conditions)) {
				statement.setObject(parameter++, value);
			}
			for (Object[] row : rows) {
				for (Object value : row) {
					statement.setObject(parameter++, value);
				}
			}
			long last = -1;
			statement.execute();
			if (!locked) {
				statement.getMoreResults();
			}
			try (ResultSet keys = statement.getResultSet()) {
				while (keys.next()) {
					last = Math.max(last, keys.getLong(1));
				}
			}
			if (last < 0) {
				// a conflict raises instead (and skips the commit): this cannot be
				// reached
				throw new IllegalStateException("The append of " + firstSequences.keySet() + " stored no events");
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
