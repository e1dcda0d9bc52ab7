package dev.timeledger.web.demo;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.timeledger.command.Actor;
import dev.timeledger.command.Role;

/**
 * The people of the demo tenant. The page offers them as sign-in choices, so that trying
 * the UI needs no token; the first two match the sample tokens the server prints.
 */
final class DemoUsers {

	static final String TENANT = "demo";

	static final DemoUser WORKER = new DemoUser("demo-worker", "Walt Worker", List.of("worker"),
			"tracks time and submits his weeks");

	static final DemoUser MANAGER = new DemoUser("demo-manager", "Mia Manager", List.of("manager", "admin"),
			"sees the team, approves weeks, reads project reports and history");

	static final DemoUser DESIGNER = new DemoUser("demo-designer", "Dana Designer", List.of("worker"),
			"a second worker, with a week waiting for approval");

	static final DemoUser ADMIN = new DemoUser("demo-admin", "Ada Admin", List.of("admin"),
			"an auditor: projects, reports and timesheet histories");

	static final List<DemoUser> ALL = List.of(WORKER, MANAGER, DESIGNER, ADMIN);

	private DemoUsers() {
	}

	/**
	 * A demo user.
	 *
	 * @param user the user id (token subject)
	 * @param name the display name
	 * @param roles the role names
	 * @param description what this user can try, for the sign-in page
	 */
	record DemoUser(String user, String name, List<String> roles, String description) {

		Actor actor() {
			Set<Role> known = this.roles.stream()
				.map((role) -> Role.fromClaim(role).orElseThrow())
				.collect(Collectors.toUnmodifiableSet());
			return new Actor(TENANT, this.user, known);
		}

	}

}
