package dev.timeledger.web.project;

import java.util.List;

import dev.timeledger.query.project.ProjectView;

/**
 * The projects of the caller's tenant, by name.
 *
 * @param projects the projects
 * @param position the event position the list is complete up to
 */
record ProjectList(List<ProjectView> projects, long position) {
}
