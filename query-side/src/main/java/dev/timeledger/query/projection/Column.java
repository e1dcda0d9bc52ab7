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

	/** The SQL that turns one array parameter into this column's values. */
	String arrayParameter() {
		return (this.type == Type.JSONB) ? "CAST(? AS text[])::jsonb[]" : "CAST(? AS " + this.type.sqlName + "[])";
	}

	/**
	 * A JDBC array of this column's values, as {@link #arrayParameter()} expects them.
	 */
	java.sql.Array array(java.sql.Connection connection, java.util.List<Object> values) throws SQLException {
		Object[] elements = new Object[values.size()];
		for (int i = 0; i < elements.length; i++) {
			Object value = values.get(i);
			elements[i] = (value instanceof Instant instant) ? Timestamp.from(instant) : value;
		}
		return connection.createArrayOf((this.type == Type.JSONB) ? "text" : this.type.sqlName, elements);
	}

	/** The SQL types projections use. */
	public enum Type {

		TEXT(Types.VARCHAR, "text"), BIGINT(Types.BIGINT, "bigint"), BOOLEAN(Types.BOOLEAN, "boolean"),
		TIMESTAMPTZ(Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz"), NUMERIC(Types.NUMERIC, "numeric"),
		JSONB(Types.OTHER, "jsonb");

		private final int sqlType;

		private final String sqlName;

		Type(int sqlType, String sqlName) {
			this.sqlType = sqlType;
			this.sqlName = sqlName;
		}

	}

}
