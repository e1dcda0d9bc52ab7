package dev.timeledger.web.report;

import dev.timeledger.command.Forbidden;
import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Role;
import dev.timeledger.events.IsoWeek;
import dev.timeledger.web.security.Caller;

/** Who may read what, per API.md "Queries". */
public final class ReadAccess {

	private ReadAccess() {
	}

	/** The owner reads its own week; managers read every week of their tenant. */
	public static void requireOwnerOrManager(Caller caller, String userId) {
		if (!caller.userId().equals(userId) && !caller.has(Role.MANAGER)) {
			throw new Forbidden("only " + userId + " and managers read this");
		}
	}

	/** The history is also open to admins (audit). */
	public static void requireOwnerManagerOrAdmin(Caller caller, String userId) {
		if (!caller.userId().equals(userId) && !caller.has(Role.MANAGER) && !caller.has(Role.ADMIN)) {
			throw new Forbidden("only " + userId + ", managers and admins read this");
		}
	}

	public static void requireAny(Caller caller, Role... roles) {
		caller.actor().requireAny(roles);
	}

	/** The ISO week, or 400. */
	public static String week(String week) {
		try {
			return IsoWeek.parse(week).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(ex.getMessage());
		}
	}

}
