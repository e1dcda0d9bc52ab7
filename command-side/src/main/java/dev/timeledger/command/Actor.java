package dev.timeledger.command;

import java.util.Arrays;
import java.util.Set;

/**
 * Who sends a command: the authenticated user, its tenant and roles. Every command
 * carries one, so that aggregates check permissions themselves rather than trusting the
 * caller.
 *
 * @param tenantId the tenant of the user
 * @param userId the user's id (the token's subject)
 * @param roles the roles the user holds in its tenant
 */
public record Actor(String tenantId, String userId, Set<Role> roles) {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Checks that the actor holds at least one of the given roles.
	 * @throws Forbidden when it holds none
	 */
	public void requireAny(Role... required) {
		if (Arrays.stream(required).noneMatch(this::has)) {
			throw new Forbidden("this needs the role "
					+ String.join(" or ", Arrays.stream(required).map(Role::claimValue).toList()));
		}
	}

}
