package dev.timeledger.web.demo;

import dev.timeledger.command.DomainException;

/** The demo tenant has events already: loading again would duplicate or collide. */
class DemoAlreadyLoaded extends DomainException {

	DemoAlreadyLoaded(String tenant) {
		super("demo-already-loaded", Kind.CONFLICT,
				"The demo data set is already loaded (tenant '" + tenant + "' has data); nothing was added");
	}

}
