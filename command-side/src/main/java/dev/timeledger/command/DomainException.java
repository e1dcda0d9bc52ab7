package dev.timeledger.command;

/**
 * A command broke a rule. The {@link #code() code} is part of the public contract (it
 * becomes the {@code code} of the problem+json answer); the {@link #kind() kind} says
 * which class of HTTP answer fits. Nothing is stored when one is thrown.
 */
public abstract class DomainException extends RuntimeException {

	private final String code;

	private final Kind kind;

	protected DomainException(String code, Kind kind, String message) {
		super(message, null, false, false);
		this.code = code;
		this.kind = kind;
	}

	public String code() {
		return this.code;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The class of a rule violation. */
	public enum Kind {

		/** The request itself is wrong, whatever the state. */
		INVALID,

		/** The actor may not do this. */
		FORBIDDEN,

		/** The addressed thing does not exist in the actor's tenant. */
		NOT_FOUND,

		/** The request is valid but the current state forbids it. */
		CONFLICT

	}

}
