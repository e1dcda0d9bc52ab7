package dev.timeledger.command.worklog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.timeledger.command.project.ProjectDirectory;

/** The projects a worklog test knows of, per tenant. */
class InMemoryProjectDirectory implements ProjectDirectory {

	private final Map<List<String>, ProjectFacts> projects = new HashMap<>();

	InMemoryProjectDirectory add(String tenantId, String projectId, boolean billable, boolean archived) {
		this.projects.put(List.of(tenantId, projectId), new ProjectFacts(projectId, billable, archived));
		return this;
	}

	@Override
	public Optional<ProjectFacts> find(String tenantId, String projectId) {
		return Optional.ofNullable(this.projects.get(List.of(tenantId, projectId)));
	}

}
