package dev.timeledger.query.projection;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The versions of every projection, in table {@code projection_version}: which one reads
 * use, and which one is being rebuilt.
 */
@Component
public class ProjectionCatalog {

	private final JdbcClient jdbc;

	ProjectionCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ProjectionState> all() {
		return this.jdbc
			.sql("SELECT projection, live_version, rebuilding_version, rebuild_started_at, manual_switch"
					+ " FROM projection_version ORDER BY projection")
			.query(ProjectionCatalog::state)
			.list();
	}

	public Optional<ProjectionState> find(String projection) {
		return this.jdbc
			.sql("SELECT projection, live_version, rebuilding_version, rebuild_started_at, manual_switch"
					+ " FROM projection_version WHERE projection = ?")
			.param(projection)
			.query(ProjectionCatalog::state)
			.optional();
	}

	/** The version reads of this projection use. Call it in the read's transaction. */
	public int liveVersion(String projection) {
		return this.jdbc.sql("SELECT live_version FROM projection_version WHERE projection = ?")
			.param(projection)
			.query(Integer.class)
			.optional()
			.orElse(1);
	}

	/**
	 * Registers a projection at version 1 unless it is known, and makes its partitions.
	 */
	void ensure(Projection projection) {
		this.jdbc.sql("INSERT INTO projection_version (projection, live_version) VALUES (?, 1) ON CONFLICT DO NOTHING")
			.param(projection.name())
			.update();
		ProjectionState state = find(projection.name()).orElseThrow();
		createPartitions(projection, state.liveVersion());
		if (state.rebuilding()) {
			createPartitions(projection, state.rebuildingVersion());
		}
	}

	/**
	 * Starts a rebuild into the next version, unless one runs. Locks the row so that two
	 * operators (or nodes) cannot start two.
	 * @return the new version, or empty when a rebuild already runs
	 */
	Optional<Integer> beginRebuild(Projection projection, boolean manualSwitch) {
		ProjectionState state = this.jdbc
			.sql("SELECT projection, live_version, rebuilding_version, rebuild_started_at, manual_switch"
					+ " FROM projection_version WHERE projection = ? FOR UPDATE")
			.param(projection.name())
			.query(ProjectionCatalog::state)
			.single();
		if (state.rebuilding()) {
			return Optional.empty();
		}
		int version = state.liveVersion() + 1;
		dropPartitions(projection, version);
		this.jdbc.sql("DELETE FROM token_entry WHERE processor_name = ?")
			.param(ProjectionState.processorName(projection.name(), version))
			.update();
		createPartitions(projection, version);
		this.jdbc
			.sql("UPDATE projection_version SET rebuilding_version = ?, rebuild_started_at = now(), manual_switch = ?"
					+ " WHERE projection = ?")
			.params(version, manualSwitch, projection.name())
			.update();
		return Optional.of(version);
	}

	/**
	 * Makes the rebuilt version live if it has caught up with the live one. Locks the
	 * live version's tokens, so that the live version cannot move ahead while the switch
	 * happens: a read never goes back in position.
	 * @return whether the switch happened
	 */
	boolean switchIfCaughtUp(String projection, int liveVersion, int rebuiltVersion) {
		this.jdbc.sql("SELECT 1 FROM projection_version WHERE projection = ? FOR UPDATE")
			.param(projection)
			.query()
			.listOfRows();
		this.jdbc.sql("SELECT 1 FROM token_entry WHERE processor_name = ? FOR UPDATE")
			.param(ProjectionState.processorName(projection, liveVersion))
			.query()
			.listOfRows();
		long live = TokenPositions.position(this.jdbc, ProjectionState.processorName(projection, liveVersion));
		long rebuilt = TokenPositions.position(this.jdbc, ProjectionState.processorName(projection, rebuiltVersion));
		if (rebuilt < live) {
			return false;
		}
		return this.jdbc
			.sql("UPDATE projection_version SET live_version = ?, rebuilding_version = NULL,"
					+ " rebuild_started_at = NULL WHERE projection = ? AND live_version = ? AND rebuilding_version = ?")
			.params(rebuiltVersion, projection, liveVersion, rebuiltVersion)
			.update() == 1;
	}

	/**
	 * Removes a version that is neither live nor rebuilding: its partitions and tokens.
	 */
	void dropVersion(Projection projection, int version) {
		dropPartitions(projection, version);
		this.jdbc.sql("DELETE FROM token_entry WHERE processor_name = ?")
			.param(ProjectionState.processorName(projection.name(), version))
			.update();
		this.jdbc.sql("DELETE FROM projection_parked_event WHERE projection = ? AND version = ?")
			.params(projection.name(), version)
			.update();
	}

	private void createPartitions(Projection projection, int version) {
		for (ProjectionTable table : projection.tables()) {
			this.jdbc
				.sql("CREATE TABLE IF NOT EXISTS " + table.partition(version) + " PARTITION OF " + table.name()
						+ " FOR VALUES IN (" + version + ")")
				.update();
		}
	}

	private void dropPartitions(Projection projection, int version) {
		for (ProjectionTable table : projection.tables()) {
			this.jdbc.sql("DROP TABLE IF EXISTS " + table.partition(version)).update();
		}
	}

	private static ProjectionState state(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp started = rs.getTimestamp(4);
		return new ProjectionState(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3),
				(started != null) ? started.toInstant() : null, rs.getBoolean(5));
	}

}
