package dev.timeledger.query.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Collects the row changes of one batch and writes only the last change of each row, with
 * one statement per table and kind (rows travel as arrays). During a rebuild a batch
 * covers hundreds of events, so most rows are written once however often they change in
 * it.
 * <p>
 * Handlers only write whole rows (put or delete) and never read, so a batch costs one
 * statement per table and kind, whatever its size.
 */
public final class ProjectionWriter {

	private final int version;

	private final DataSource dataSource;

	private final ObjectMapper json;

	private final Map<ProjectionTable, Map<List<Object>, Object[]>> changes = new LinkedHashMap<>();

	ProjectionWriter(int version, DataSource dataSource, ObjectMapper json) {
		this.version = version;
		this.dataSource = dataSource;
		this.json = json;
	}

	/** Inserts or replaces the row with this key. */
	public void put(ProjectionTable table, List<Object> key, Object... values) {
		this.changes.computeIfAbsent(table, (t) -> new LinkedHashMap<>()).put(key, values);
	}

	/** Deletes the row with this key, if there is one. */
	public void delete(ProjectionTable table, List<Object> key) {
		this.changes.computeIfAbsent(table, (t) -> new LinkedHashMap<>()).put(key, null);
	}

	void flush() {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			for (Map.Entry<ProjectionTable, Map<List<Object>, Object[]>> tableChanges : this.changes.entrySet()) {
				write(connection, tableChanges.getKey(), tableChanges.getValue());
			}
			this.changes.clear();
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
		List<List<Object>> deletes = new ArrayList<>();
		List<List<Object>> upserts = new ArrayList<>();
		for (Map.Entry<List<Object>, Object[]> row : rows.entrySet()) {
			if (row.getValue() == null) {
				deletes.add(row.getKey());
			}
			else {
				List<Object> columns = new ArrayList<>(row.getKey());
				for (int i = 0; i < table.values().size(); i++) {
					Object value = row.getValue()[i];
					boolean json = table.values().get(i).type() == Column.Type.JSONB;
					columns.add((json && value != null && !(value instanceof String))
							? this.json.writeValueAsString(value) : value);
				}
				upserts.add(columns);
			}
		}
		if (!deletes.isEmpty()) {
			execute(connection, table.deleteSql(), table.keys(), deletes);
		}
		if (!upserts.isEmpty()) {
			execute(connection, table.upsertSql(),
					java.util.stream.Stream.concat(table.keys().stream(), table.values().stream()).toList(), upserts);
		}
	}

	/** Runs a statement whose parameters are the version and one array per column. */
	private void execute(Connection connection, String sql, List<Column> columns, List<List<Object>> rows)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, this.version);
			for (int column = 0; column < columns.size(); column++) {
				List<Object> values = new ArrayList<>(rows.size());
				for (List<Object> row : rows) {
					values.add(row.get(column));
				}
				statement.setArray(column + 2, columns.get(column).array(connection, values));
			}
			statement.executeUpdate();
		}
	}

}
