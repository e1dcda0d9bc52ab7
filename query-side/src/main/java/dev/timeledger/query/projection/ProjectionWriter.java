package dev.timeledger.query.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Collects the row changes of one batch and writes only the last change of each row, with
 * one batched statement per table and kind. During a rebuild a batch covers hundreds of
 * events, so most rows are written once however often they change in it.
 * <p>
 * Documents (rows whose single value column holds JSON) are read once per batch, changed
 * in memory and written back at the end.
 */
public final class ProjectionWriter {

	private final int version;

	private final DataSource dataSource;

	private final ObjectMapper json;

	private final Map<ProjectionTable, Map<List<Object>, Object[]>> changes = new LinkedHashMap<>();

	private final Map<ProjectionTable, Map<List<Object>, Object>> documents = new HashMap<>();

	ProjectionWriter(int version, DataSource dataSource, ObjectMapper json) {
		this.version = version;
		this.dataSource = dataSource;
		this.json = json;
	}

	/** Inserts or replaces the row with this key. */
	public void put(ProjectionTable table, List<Object> key, Object... values) {
		this.changes.computeIfAbsent(table, (t) -> new LinkedHashMap<>()).put(key, values);
		forget(table, key);
	}

	/** Deletes the row with this key, if there is one. */
	public void delete(ProjectionTable table, List<Object> key) {
		this.changes.computeIfAbsent(table, (t) -> new LinkedHashMap<>()).put(key, null);
		forget(table, key);
	}

	/**
	 * The document stored under this key, as this batch left it, or null. Changes to it
	 * are written when {@link #putDocument} is called for it.
	 */
	public <D> D document(ProjectionTable table, List<Object> key, Class<D> type) {
		Map<List<Object>, Object> cached = this.documents.computeIfAbsent(table, (t) -> new HashMap<>());
		if (cached.containsKey(key)) {
			return type.cast(cached.get(key));
		}
		Map<List<Object>, Object[]> pending = this.changes.getOrDefault(table, Map.of());
		D document = pending.containsKey(key) ? parse(pending.get(key), type) : load(table, key, type);
		cached.put(key, document);
		return document;
	}

	/** Stores the document under this key. */
	public void putDocument(ProjectionTable table, List<Object> key, Object document) {
		this.changes.computeIfAbsent(table, (t) -> new LinkedHashMap<>()).put(key, new Object[] { document });
		this.documents.computeIfAbsent(table, (t) -> new HashMap<>()).put(key, document);
	}

	private void forget(ProjectionTable table, List<Object> key) {
		Map<List<Object>, Object> cached = this.documents.get(table);
		if (cached != null) {
			cached.remove(key);
		}
	}

	void flush() {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			for (Map.Entry<ProjectionTable, Map<List<Object>, Object[]>> tableChanges : this.changes.entrySet()) {
				write(connection, tableChanges.getKey(), tableChanges.getValue());
			}
			this.changes.clear();
			this.documents.clear();
		}
		catch (SQLException | JsonProcessingException ex) {
			throw new IllegalStateException("Could not write the projection's changes", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private void write(Connection connection, ProjectionTable table, Map<List<Object>, Object[]> rows)
			throws SQLException, JsonProcessingException {
		List<Map.Entry<List<Object>, Object[]>> deletes = new ArrayList<>();
		List<Map.Entry<List<Object>, Object[]>> upserts = new ArrayList<>();
		for (Map.Entry<List<Object>, Object[]> row : rows.entrySet()) {
			(row.getValue() == null ? deletes : upserts).add(row);
		}
		if (!deletes.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(table.deleteSql())) {
				for (Map.Entry<List<Object>, Object[]> row : deletes) {
					bindKey(statement, table, row.getKey());
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		if (!upserts.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(table.upsertSql())) {
				for (Map.Entry<List<Object>, Object[]> row : upserts) {
					int index = bindKey(statement, table, row.getKey());
					for (int i = 0; i < table.values().size(); i++) {
						Column column = table.values().get(i);
						Object value = row.getValue()[i];
						if (column.type() == Column.Type.JSONB && value != null && !(value instanceof String)) {
							value = this.json.writeValueAsString(value);
						}
						column.bind(statement, index++, value);
					}
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
	}

	private int bindKey(PreparedStatement statement, ProjectionTable table, List<Object> key) throws SQLException {
		statement.setInt(1, this.version);
		int index = 2;
		for (int i = 0; i < table.keys().size(); i++) {
			table.keys().get(i).bind(statement, index++, key.get(i));
		}
		return index;
	}

	private <D> D load(ProjectionTable table, List<Object> key, Class<D> type) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PreparedStatement statement = connection
			.prepareStatement(table.selectSql(table.values().get(0).name() + "::text"))) {
			bindKey(statement, table, key);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? this.json.readValue(rows.getString(1), type) : null;
			}
		}
		catch (SQLException | JsonProcessingException ex) {
			throw new IllegalStateException("Could not read a projection document of " + table.name(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private <D> D parse(Object[] values, Class<D> type) {
		if (values == null) {
			return null;
		}
		Object value = values[0];
		if (type.isInstance(value)) {
			return type.cast(value);
		}
		try {
			return this.json.readValue((String) value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
