package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/**
 * The times of an entry break a shape rule: it must end after it starts, last at most 24
 * hours and lie inside one week.
 */
public class InvalidEntry extends DomainException {

	InvalidEntry(String code, String message) {
		super(code, Kind.INVALID, message);
	}

}
