package dev.timeledger.web.report;

import dev.timeledger.command.Forbidden;
import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Role;
import dev.timeledger.command.worklog.TimesheetNotFound;
import dev.timeledger.command.worklog.WorklogId;
import dev.timeledger.events.IsoWeek;
import dev.timeledger.query.audit.Workers;
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

	/**
	 * Another user's weeks are read only when the tenant has that worker, or 404 as for a
	 * worker of another tenant. The caller's own weeks are read before its first write.
	 */
	public static void requireWorker(Workers workers, Caller caller, String userId) {
		if (!caller.userId().equals(userId) && !workers.exists(caller.tenantId(), userId)) {
			throw new TimesheetNotFound(WorklogId.of(caller.tenantId(), userId));
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
