package dev.timeledger.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles of API.md, as they appear in the token's roles claim. */
public enum Role {

	/** Tracks its own time. */
	WORKER,

	/** Reads and decides on every timesheet of its tenant; manages projects. */
	MANAGER,

	/** Tenant administrator: projects and audit. */
	ADMIN,

	/** Reads the event feed of its tenant. */
	INTEGRATION,

	/** System-wide operations such as projection rebuilds. */
	OPERATOR;

	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> fromClaim(String value) {
		return Arrays.stream(values()).filter((role) -> role.claimValue().equals(value)).findFirst();
	}

}
