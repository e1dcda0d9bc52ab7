package dev.timeledger.query.projection;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A table of a projection. Flyway owns it as a table partitioned by {@code version};
 * every version of the projection is one partition, so that a rebuild fills a new
 * partition while the live one serves, and dropping the old version is instant.
 *
 * @param name the table name
 * @param keys the primary key columns after {@code version}
 * @param values the other columns
 */
public record ProjectionTable(String name, List<Column> keys, List<Column> values) {

	String partition(int version) {
		return this.name + "_v" + version;
	}

	/**
	 * Inserts or replaces many rows: one array parameter per column after the version.
	 */
	String upsertSql() {
		List<Column> all = Stream.concat(this.keys.stream(), this.values.stream()).toList();
		String conflict = (this.values.isEmpty()) ? "DO NOTHING"
				: "DO UPDATE SET " + this.values.stream()
					.map((column) -> column.name() + " = EXCLUDED." + column.name())
					.collect(Collectors.joining(", "));
		return "INSERT INTO " + this.name + " (version, "
				+ all.stream().map(Column::name).collect(Collectors.joining(", ")) + ") SELECT ?, * FROM unnest("
				+ all.stream().map(Column::arrayParameter).collect(Collectors.joining(", "))
				+ ") ON CONFLICT (version, " + this.keys.stream().map(Column::name).collect(Collectors.joining(", "))
				+ ") " + conflict;
	}

	/** Deletes many rows: one array parameter per key column after the version. */
	String deleteSql() {
		return "DELETE FROM " + this.name + " WHERE version = ? AND ("
				+ this.keys.stream().map(Column::name).collect(Collectors.joining(", ")) + ") IN (SELECT * FROM unnest("
				+ this.keys.stream().map(Column::arrayParameter).collect(Collectors.joining(", ")) + "))";
	}

}
