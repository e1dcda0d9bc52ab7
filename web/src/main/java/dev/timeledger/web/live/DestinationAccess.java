package dev.timeledger.web.live;

import dev.timeledger.command.Role;
import dev.timeledger.query.changelog.Destinations;
import dev.timeledger.web.security.Caller;

/**
 * Who may subscribe to a destination: the rules of the matching REST read, inside the
 * caller's own tenant only.
 */
final class DestinationAccess {

	private DestinationAccess() {
	}

	static boolean allows(Caller caller, Destinations.Parsed destination) {
		if (!caller.tenantId().equals(destination.tenantId())) {
			return false;
		}
		return switch (destination.kind()) {
			case Destinations.WEEKLY, Destinations.TIMESHEET ->
				caller.userId().equals(destination.ids().get(0)) || caller.has(Role.MANAGER);
			case Destinations.TEAM -> caller.has(Role.MANAGER);
			case Destinations.PROJECT -> caller.has(Role.MANAGER) || caller.has(Role.ADMIN);
			default -> false;
		};
	}

}
