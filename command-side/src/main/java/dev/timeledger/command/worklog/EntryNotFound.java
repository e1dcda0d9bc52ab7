package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** No entry with that id belongs to the worker (or to the week). */
public class EntryNotFound extends DomainException {

	EntryNotFound(String entryId) {
		super("entry-not-found", Kind.NOT_FOUND, "there is no time entry " + entryId);
	}

}
