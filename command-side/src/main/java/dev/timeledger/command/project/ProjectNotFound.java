package dev.timeledger.command.project;

import dev.timeledger.command.DomainException;

/** No project with that id exists in the actor's tenant. */
public class ProjectNotFound extends DomainException {

	public ProjectNotFound(String projectId) {
		super("project-not-found", Kind.NOT_FOUND, "there is no project " + projectId);
	}

}
