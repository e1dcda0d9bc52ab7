package dev.timeledger.command;

/** The actor lacks the role or ownership a command needs. */
public class Forbidden extends DomainException {

	public Forbidden(String message) {
		super("forbidden", Kind.FORBIDDEN, message);
	}

}
