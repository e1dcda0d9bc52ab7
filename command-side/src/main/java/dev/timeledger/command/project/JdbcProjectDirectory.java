package dev.timeledger.command.project;

import java.util.Optional;

import dev.timeledger.events.project.ProjectArchived;
import dev.timeledger.events.project.ProjectBillabilityChanged;
import dev.timeledger.events.project.ProjectCreated;
import dev.timeledger.events.project.ProjectRestored;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The project directory in table {@code project_directory}, written by a subscribing
 * event handler inside the transaction that stores the project's events.
 */
@Component
@ProcessingGroup(JdbcProjectDirectory.PROCESSING_GROUP)
class JdbcProjectDirectory implements ProjectDirectory {

	static final String PROCESSING_GROUP = "project-directory";

	private final JdbcClient jdbc;

	JdbcProjectDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ProjectFacts> find(String tenantId, String projectId) {
		return this.jdbc
			.sql("SELECT project_id, billable, archived FROM project_directory WHERE tenant_id = ? AND project_id = ?")
			.params(tenantId, projectId)
			.query((rs, row) -> new ProjectFacts(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
			.optional();
	}

	@EventHandler
	void on(ProjectCreated event) {
		this.jdbc
			.sql("INSERT INTO project_directory (project_id, tenant_id, billable, archived) VALUES (?, ?, ?, false)")
			.params(event.projectId(), event.tenantId(), event.billable())
			.update();
	}

	@EventHandler
	void on(ProjectBillabilityChanged event) {
		this.jdbc.sql("UPDATE project_directory SET billable = ? WHERE project_id = ?")
			.params(event.billable(), event.projectId())
			.update();
	}

	@EventHandler
	void on(ProjectArchived event) {
		setArchived(event.projectId(), true);
	}

	@EventHandler
	void on(ProjectRestored event) {
		setArchived(event.projectId(), false);
	}

	private void setArchived(String projectId, boolean archived) {
		this.jdbc.sql("UPDATE project_directory SET archived = ? WHERE project_id = ?")
			.params(archived, projectId)
			.update();
	}

}
