package dev.timeledger.web.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.timeledger.command.Actor;
import dev.timeledger.command.Role;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated user of a request, read from its token.
 *
 * @param tenantId the tenant claim
 * @param userId the subject
 * @param name the display name, the subject when the token has none
 * @param roles the known roles of the roles claim
 * @param zone the user's time zone, UTC when the token has none
 */
public record Caller(String tenantId, String userId, String name, Set<Role> roles, String zone) {

	/** The caller of the current request, empty before or without authentication. */
	public static Optional<Caller> current() {
		return (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication)
				? Optional.of(authentication.caller()) : Optional.empty();
	}

	/**
	 * When the current request's token stops being accepted: its expiry plus the clock
	 * skew; empty without a token or without an expiry.
	 */
	public static Optional<Instant> tokenDeadline() {
		return (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
				&& authentication.getToken().getExpiresAt() != null)
						? Optional.of(authentication.getToken().getExpiresAt().plus(TokenAuthenticator.CLOCK_SKEW))
						: Optional.empty();
	}

	/** One key per user of a tenant: the tenant is encoded, so no other pair has it. */
	public String key() {
		return URLEncoder.encode(this.tenantId, StandardCharsets.UTF_8) + '/' + this.userId;
	}

	public Actor actor() {
		return new Actor(this.tenantId, this.userId, this.roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** The user a path means: {@code me} is the caller. */
	public String resolve(String userId) {
		return "me".equals(userId) ? this.userId : userId;
	}

}
