package dev.timeledger.web.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/** Stores a snapshot with JSONB payload and metadata. */
final class SnapshotStatements {

	private SnapshotStatements() {
	}

	static PreparedStatement append(Connection connection, EventSchema schema, Class<?> dataType,
			DomainEventMessage<?> snapshot, Serializer serializer, TimestampWriter timestampWriter)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.snapshotTable() + " ("
				+ schema.domainEventFields() + ") VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))");
		SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
		SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
		statement.setString(1, snapshot.getIdentifier());
		statement.setString(2, snapshot.getAggregateIdentifier());
		statement.setLong(3, snapshot.getSequenceNumber());
		statement.setString(4, snapshot.getType());
		statement.setObject(5, snapshot.getTimestamp().atOffset(ZoneOffset.UTC));
		statement.setString(6, payload.getType().getName());
		statement.setString(7, payload.getType().getRevision());
		statement.setString(8, payload.getData());
		statement.setString(9, metaData.getData());
		return statement;
	}

}
