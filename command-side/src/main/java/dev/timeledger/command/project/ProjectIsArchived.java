package dev.timeledger.command.project;

import dev.timeledger.command.DomainException;

/** Time cannot be tracked on an archived project. */
public class ProjectIsArchived extends DomainException {

	public ProjectIsArchived(String projectId) {
		super("project-archived", Kind.CONFLICT,
				"project " + projectId + " is archived; restore it before tracking time on it");
	}

}
