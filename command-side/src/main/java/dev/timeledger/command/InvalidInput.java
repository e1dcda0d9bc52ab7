package dev.timeledger.command;

/** A command field is missing, too long or malformed. */
public class InvalidInput extends DomainException {

	public InvalidInput(String message) {
		super("validation-failed", Kind.INVALID, message);
	}

}
