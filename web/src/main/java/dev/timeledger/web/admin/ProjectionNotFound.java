package dev.timeledger.web.admin;

import dev.timeledger.command.DomainException;

/** No projection has that name. */
class ProjectionNotFound extends DomainException {

	ProjectionNotFound(String name) {
		super("projection-not-found", Kind.NOT_FOUND, "There is no projection " + name);
	}

}
