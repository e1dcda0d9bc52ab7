package dev.timeledger.command.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.timeledger.command.AppendPreconditions;
import dev.timeledger.command.Rollbacks;
import dev.timeledger.events.project.ProjectArchived;
import dev.timeledger.events.project.ProjectBillabilityChanged;
import dev.timeledger.events.project.ProjectCreated;
import dev.timeledger.events.project.ProjectRestored;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The project directory in table {@code project_directory}, written by a subscribing
 * event handler inside the transaction that stores the project's events.
 * <p>
 * The facts of active projects are also kept in memory, at most {@value #CAPACITY}, the
 * least recently used dropped first. A command that uses remembered facts does not read
 * the table; instead its append checks, under the append lock, that the project is still
 * active with the same billability ({@link AppendPreconditions}). A change made on
 * another node fails that check, the transaction's rollback drops the facts, and the
 * command's retry reads them. An archived or unknown project is always read; a command
 * rejected for another reason has its remembered facts checked too.
 */
@Component
@ProcessingGroup(JdbcProjectDirectory.PROCESSING_GROUP)
class JdbcProjectDirectory implements ProjectDirectory {

	static final String PROCESSING_GROUP = "project-directory";

	static final int CAPACITY = 10_000;

	private static final String STILL_ACTIVE = "EXISTS (SELECT 1 FROM project_directory WHERE project_id = ?"
			+ " AND tenant_id = ? AND billable = ? AND NOT archived)";

	private final JdbcClient jdbc;

	/** Active projects by id, in access order. */
	private final Map<String, Remembered> active = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
			return size() > CAPACITY;
		}

	};

	private final AtomicLong reads = new AtomicLong();

	JdbcProjectDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ProjectFacts> find(String tenantId, String projectId) {
		Remembered remembered;
		synchronized (this.active) {
			remembered = this.active.get(projectId);
		}
		if (remembered != null && remembered.tenantId().equals(tenantId) && CurrentUnitOfWork.isStarted()
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			ProjectFacts facts = remembered.facts();
			AppendPreconditions.require(STILL_ACTIVE, projectId, tenantId, facts.billable());
			Rollbacks.onRollback(() -> forget(projectId));
			return Optional.of(facts);
		}
		this.reads.incrementAndGet();
		Optional<ProjectFacts> read = this.jdbc
			.sql("SELECT project_id, billable, archived FROM project_directory WHERE tenant_id = ? AND project_id = ?")
			.params(tenantId, projectId)
			.query((rs, row) -> new ProjectFacts(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
			.optional();
		read.filter((facts) -> !facts.archived()).ifPresent((facts) -> {
			synchronized (this.active) {
				this.active.put(projectId, new Remembered(tenantId, facts));
			}
		});
		return read;
	}

	/** How often the table was read, for tests. */
	long reads() {
		return this.reads.get();
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
		changed(event.projectId());
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
		changed(projectId);
	}

	/**
	 * Forgets a project's facts now and once its change has committed, so that a command
	 * in between does not remember the facts before the change for long.
	 */
	private void changed(String projectId) {
		forget(projectId);
		CurrentUnitOfWork.ifStarted((unitOfWork) -> unitOfWork.afterCommit((committed) -> forget(projectId)));
	}

	private void forget(String projectId) {
		synchronized (this.active) {
			this.active.remove(projectId);
		}
	}

	private record Remembered(String tenantId, ProjectFacts facts) {
	}

}
