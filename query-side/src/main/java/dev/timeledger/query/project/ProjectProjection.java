package dev.timeledger.query.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.timeledger.events.project.ProjectArchived;
import dev.timeledger.events.project.ProjectBillabilityChanged;
import dev.timeledger.events.project.ProjectClientChanged;
import dev.timeledger.events.project.ProjectCreated;
import dev.timeledger.events.project.ProjectRateChanged;
import dev.timeledger.events.project.ProjectRenamed;
import dev.timeledger.events.project.ProjectRestored;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The projects of each tenant with their current name, client, billability and rate. */
@Component
@ProcessingGroup("projects")
class ProjectProjection {

	private final JdbcClient jdbc;

	ProjectProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(ProjectCreated event, @Timestamp Instant at) {
		this.jdbc
			.sql("""
					INSERT INTO project_view (project_id, tenant_id, name, client, billable, archived, hourly_rate, currency,
					  rate_effective_from, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?)
					ON CONFLICT (project_id) DO NOTHING""")
			.params(event.projectId(), event.tenantId(), event.name(), event.client(), event.billable(),
					event.hourlyRate(), event.currency(), java.sql.Timestamp.from(at), java.sql.Timestamp.from(at),
					java.sql.Timestamp.from(at))
			.update();
	}

	@EventHandler
	void on(ProjectRenamed event, @Timestamp Instant at) {
		update("name = ?", event.projectId(), at, event.name());
	}

	@EventHandler
	void on(ProjectClientChanged event, @Timestamp Instant at) {
		update("client = ?", event.projectId(), at, event.client());
	}

	@EventHandler
	void on(ProjectBillabilityChanged event, @Timestamp Instant at) {
		update("billable = ?", event.projectId(), at, event.billable());
	}

	@EventHandler
	void on(ProjectRateChanged event, @Timestamp Instant at) {
		update("hourly_rate = ?, currency = ?, rate_effective_from = ?", event.projectId(), at, event.hourlyRate(),
				event.currency(), java.sql.Timestamp.from(event.effectiveFrom()));
	}

	@EventHandler
	void on(ProjectArchived event, @Timestamp Instant at) {
		update("archived = ?", event.projectId(), at, true);
	}

	@EventHandler
	void on(ProjectRestored event, @Timestamp Instant at) {
		update("archived = ?", event.projectId(), at, false);
	}

	@QueryHandler
	List<ProjectView> handle(FetchProjectsQuery query) {
		return this.jdbc.sql("SELECT * FROM project_view WHERE tenant_id = ? ORDER BY lower(name), project_id")
			.param(query.tenantId())
			.query(ProjectProjection::view)
			.list();
	}

	@QueryHandler
	Optional<ProjectView> handle(FetchProjectQuery query) {
		return this.jdbc.sql("SELECT * FROM project_view WHERE tenant_id = ? AND project_id = ?")
			.params(query.tenantId(), query.projectId())
			.query(ProjectProjection::view)
			.optional();
	}

	private void update(String assignments, String projectId, Instant at, Object... values) {
		Object[] parameters = new Object[values.length + 2];
		System.arraycopy(values, 0, parameters, 0, values.length);
		parameters[values.length] = java.sql.Timestamp.from(at);
		parameters[values.length + 1] = projectId;
		this.jdbc.sql("UPDATE project_view SET " + assignments + ", updated_at = ? WHERE project_id = ?")
			.params(parameters)
			.update();
	}

	private static ProjectView view(ResultSet rs, int row) throws SQLException {
		ProjectView.Rate rate = (rs.getBigDecimal("hourly_rate") != null)
				? new ProjectView.Rate(rs.getBigDecimal("hourly_rate"), rs.getString("currency"),
						rs.getTimestamp("rate_effective_from").toInstant())
				: null;
		return new ProjectView(rs.getString("project_id"), rs.getString("name"), rs.getString("client"),
				rs.getBoolean("billable"), rs.getBoolean("archived"), rate, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
