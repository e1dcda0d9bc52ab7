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
import dev.timeledger.query.changelog.Change;
import dev.timeledger.query.changelog.ChangeLog;
import dev.timeledger.query.changelog.Destinations;

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

	private static final List<Column> CHANGE_LOG_COLUMNS = List.of(Column.text("destination"),
			Column.bigint("position"), Column.text("projection"), Column.text("tenant_id"), Column.text("kind"),
			Column.json("key"), Column.text("cause"), Column.timestamp("occurred_at"), Column.text("correlation_id"));

	/**
	 * The change log's rows and the wake-up of the nodes that tail it, in one round trip.
	 */
	private static final String CHANGE_LOG_SQL = "WITH appended AS (INSERT INTO change_log (destination, position,"
			+ " projection, tenant_id, kind, key, cause, occurred_at, correlation_id) SELECT * FROM unnest("
			+ String.join(", ", CHANGE_LOG_COLUMNS.stream().map(Column::arrayParameter).toList())
			+ ") ON CONFLICT DO NOTHING) SELECT pg_notify('timeledger_changes', ?)";

	private final String projection;

	private final int version;

	private final DataSource dataSource;

	private final ObjectMapper json;

	private final Map<ProjectionTable, Map<List<Object>, Object[]>> changes = new LinkedHashMap<>();

	private final Map<List<Object>, Change> changed = new LinkedHashMap<>();

	ProjectionWriter(String projection, int version, DataSource dataSource, ObjectMapper json) {
		this.projection = projection;
		this.version = version;
		this.dataSource = dataSource;
		this.json = json;
	}

	private Savepoint savepoint;

	/** Inserts or replaces the row with this key. */
	public void put(ProjectionTable table, List<Object> key, Object... values) {
		pending(table, key).put(key, values);
	}

	/** Deletes the row with this key, if there is one. */
	public void delete(ProjectionTable table, List<Object> key) {
		pending(table, key).put(key, null);
	}

	private Map<List<Object>, Object[]> pending(ProjectionTable table, List<Object> key) {
		Map<List<Object>, Object[]> rows = this.changes.computeIfAbsent(table, (t) -> new LinkedHashMap<>());
		if (this.savepoint != null) {
			this.savepoint.remember(table, key, rows);
		}
		return rows;
	}

	/** Records a change for live subscribers; one per destination and event. */
	void change(Change change) {
		List<Object> key = List.of(change.destination(), change.position());
		if (this.changed.putIfAbsent(key, change) == null && this.savepoint != null) {
			this.savepoint.changed.add(key);
		}
	}

	/**
	 * Starts remembering what the next event changes, so that {@link #rollback()} can
	 * undo it if its handler fails.
	 */
	void savepoint() {
		this.savepoint = new Savepoint();
	}

	/** Undoes every change since {@link #savepoint()}. */
	void rollback() {
		Savepoint undone = this.savepoint;
		this.savepoint = null;
		if (undone != null) {
			undone.rows.forEach((table, rows) -> rows.forEach((key, prior) -> {
				if (prior == Savepoint.ABSENT) {
					this.changes.get(table).remove(key);
				}
				else {
					this.changes.get(table).put(key, (prior == Savepoint.DELETED) ? null : (Object[]) prior);
				}
			}));
			undone.changed.forEach(this.changed::remove);
		}
	}

	/**
	 * The current value of a column of a row: as this batch left it, or as stored. For
	 * the few handlers that must know what a change replaces (which project an entry was
	 * on).
	 */
	public Object current(ProjectionTable table, List<Object> key, String column) {
		Map<List<Object>, Object[]> pending = this.changes.get(table);
		if (pending != null && pending.containsKey(key)) {
			Object[] values = pending.get(key);
			return (values != null) ? values[valueIndex(table, column)] : null;
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		StringBuilder sql = new StringBuilder("SELECT " + column + " FROM " + table.name() + " WHERE version = ?");
		table.keys().forEach((key1) -> sql.append(" AND ").append(key1.name()).append(" = ?"));
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			statement.setInt(1, this.version);
			for (int i = 0; i < key.size(); i++) {
				statement.setObject(i + 2, key.get(i));
			}
			try (java.sql.ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getObject(1) : null;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read " + table.name(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private static int valueIndex(ProjectionTable table, String column) {
		for (int i = 0; i < table.values().size(); i++) {
			if (table.values().get(i).name().equals(column)) {
				return i;
			}
		}
		throw new IllegalArgumentException(table.name() + " has no value column " + column);
	}

	void flush() {
		this.savepoint = null;
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			for (Map.Entry<ProjectionTable, Map<List<Object>, Object[]>> tableChanges : this.changes.entrySet()) {
				write(connection, tableChanges.getKey(), tableChanges.getValue());
			}
			this.changes.clear();
			if (!this.changed.isEmpty()) {
				writeChanges(connection);
				this.changed.clear();
			}
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

	/** Appends the batch's changes to the change log and wakes the nodes that tail it. */
	private void writeChanges(Connection connection) throws SQLException, JsonProcessingException {
		List<Change> changes = new ArrayList<>(this.changed.values());
		List<List<Object>> rows = new ArrayList<>();
		for (Change change : changes) {
			rows.add(java.util.Arrays.asList(change.destination(), change.position(), change.projection(),
					Destinations.tenantOf(change.destination()), change.kind(),
					this.json.writeValueAsString(change.key()), change.cause(), change.occurredAt(),
					change.correlationId()));
		}
		try (PreparedStatement statement = connection.prepareStatement(CHANGE_LOG_SQL)) {
			bindColumns(statement, 1, CHANGE_LOG_COLUMNS, rows);
			statement.setString(CHANGE_LOG_COLUMNS.size() + 1, ChangeLog.announcement(this.projection,
					changes.stream().mapToLong(Change::position).max().orElse(0)));
			statement.execute();
		}
	}

	/** Runs a statement whose parameters are the version and one array per column. */
	private void execute(Connection connection, String sql, List<Column> columns, List<List<Object>> rows)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, this.version);
			bindColumns(statement, 2, columns, rows);
			statement.executeUpdate();
		}
	}

	/** Binds one array per column, from parameter {@code first} on. */
	private static void bindColumns(PreparedStatement statement, int first, List<Column> columns,
			List<List<Object>> rows) throws SQLException {
		for (int column = 0; column < columns.size(); column++) {
			List<Object> values = new ArrayList<>(rows.size());
			for (List<Object> row : rows) {
				values.add(row.get(column));
			}
			statement.setArray(column + first, columns.get(column).array(statement.getConnection(), values));
		}
	}

	/** What the rows and changes touched since a savepoint were before it. */
	private static final class Savepoint {

		private static final Object ABSENT = new Object();

		private static final Object DELETED = new Object();

		private final Map<ProjectionTable, Map<List<Object>, Object>> rows = new LinkedHashMap<>();

		private final List<List<Object>> changed = new ArrayList<>();

		void remember(ProjectionTable table, List<Object> key, Map<List<Object>, Object[]> pending) {
			this.rows.computeIfAbsent(table, (t) -> new LinkedHashMap<>()).computeIfAbsent(key, (k) -> {
				if (!pending.containsKey(k)) {
					return ABSENT;
				}
				Object[] values = pending.get(k);
				return (values != null) ? values : DELETED;
			});
		}

	}

}
