package dev.timeledger.query.projection;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * A column of a projection table and how its values are bound.
 *
 * @param name the column name
 * @param type the SQL type
 */
public record Column(String name, Type type) {

	public static Column text(String name) {
		return new Column(name, Type.TEXT);
	}

	public static Column bigint(String name) {
		return new Column(name, Type.BIGINT);
	}

	public static Column bool(String name) {
		return new Column(name, Type.BOOLEAN);
	}

	public static Column timestamp(String name) {
		return new Column(name, Type.TIMESTAMPTZ);
	}

	public static Column numeric(String name) {
		return new Column(name, Type.NUMERIC);
	}

	public static Column json(String name) {
		return new Column(name, Type.JSONB);
	}

	String placeholder() {
		return (this.type == Type.JSONB) ? "CAST(? AS jsonb)" : "?";
	}

	void bind(PreparedStatement statement, int index, Object value) throws SQLException {
		if (value == null) {
			statement.setNull(index, this.type.sqlType);
			return;
		}
		switch (this.type) {
			case TEXT, JSONB -> statement.setString(index, (String) value);
			case BIGINT -> statement.setLong(index, ((Number) value).longValue());
			case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
			case TIMESTAMPTZ -> statement.setTimestamp(index, Timestamp.from((Instant) value));
			case NUMERIC -> statement.setBigDecimal(index, (BigDecimal) value);
		}
	}

	/** The SQL types projections use. */
	public enum Type {

		TEXT(Types.VARCHAR), BIGINT(Types.BIGINT), BOOLEAN(Types.BOOLEAN), TIMESTAMPTZ(Types.TIMESTAMP_WITH_TIMEZONE),
		NUMERIC(Types.NUMERIC), JSONB(Types.OTHER);

		private final int sqlType;

		Type(int sqlType) {
			this.sqlType = sqlType;
		}

	}

}
