package dev.timeledger.command;

/** Checks for the free-text fields of commands. */
public final class Texts {

	private Texts() {
	}

	/**
	 * Returns the trimmed text, or throws when it is blank or longer than {@code max}.
	 * @throws InvalidInput when the text is missing, blank or too long
	 */
	public static String required(String field, String text, int max) {
		String trimmed = optional(field, text, max);
		if (trimmed == null) {
			throw new InvalidInput(field + " is required");
		}
		return trimmed;
	}

	/**
	 * Returns the trimmed text, null for a missing or blank one.
	 * @throws InvalidInput when the text is longer than {@code max}
	 */
	public static String optional(String field, String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		if (trimmed.codePointCount(0, trimmed.length()) > max) {
			throw new InvalidInput(field + " is longer than " + max + " characters");
		}
		return trimmed;
	}

}
