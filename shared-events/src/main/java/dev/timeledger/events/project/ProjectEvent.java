package dev.timeledger.events.project;

/**
 * An event of a project: its creation and every later change. Exhaustive, so a
 * projection's switch over it is checked by the compiler.
 */
public sealed interface ProjectEvent permits ProjectCreated, ProjectRenamed, ProjectClientChanged,
		ProjectBillabilityChanged, ProjectRateChanged, ProjectArchived, ProjectRestored {

	String tenantId();

	String projectId();

	String actorId();

}
