package dev.timeledger.command.project;

import java.util.Optional;

/**
 * What the command side knows of projects when time is tracked on them. It is kept in the
 * same transaction as the project's events, so it is never behind them.
 */
public interface ProjectDirectory {

	/** The project with that id in that tenant, if there is one. */
	Optional<ProjectFacts> find(String tenantId, String projectId);

	/**
	 * The facts of a project that time tracking depends on.
	 *
	 * @param projectId the project
	 * @param billable whether its time is billable by default
	 * @param archived whether it is archived
	 */
	record ProjectFacts(String projectId, boolean billable, boolean archived) {
	}

	/**
	 * The project's facts for tracking new time on it.
	 * @throws ProjectNotFound when the tenant has no such project
	 * @throws ProjectIsArchived when the project is archived
	 */
	default ProjectFacts requireActive(String tenantId, String projectId) {
		ProjectFacts facts = find(tenantId, projectId).orElseThrow(() -> new ProjectNotFound(projectId));
		if (facts.archived()) {
			throw new ProjectIsArchived(projectId);
		}
		return facts;
	}

}
