package dev.timeledger.web.security;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.timeledger.command.Role;
import dev.timeledger.web.TimeLedgerProperties;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads the caller from a validated token with the configured claim names. A token
 * without a subject or tenant, or with a zone that is not a time zone, is refused (401).
 */
final class CallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final TimeLedgerProperties.Security claims;

	CallerConverter(TimeLedgerProperties.Security claims) {
		this.claims = claims;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String userId = required(jwt.getSubject(), "sub");
		String tenantId = required(jwt.getClaimAsString(this.claims.tenantClaim()), this.claims.tenantClaim());
		Set<Role> roles = roles(jwt.getClaim(this.claims.rolesClaim()));
		String name = Optional.ofNullable(jwt.getClaimAsString(this.claims.nameClaim())).orElse(userId);
		Caller caller = new Caller(tenantId, userId, name, roles, zone(jwt.getClaimAsString(this.claims.zoneClaim())));
		List<SimpleGrantedAuthority> authorities = roles.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role.claimValue()))
			.toList();
		return new CallerAuthentication(jwt, authorities, caller);
	}

	private static String required(String value, String claim) {
		if (value == null || value.isBlank()) {
			throw new InvalidBearerTokenException("The token has no " + claim + " claim");
		}
		return value;
	}

	private static Set<Role> roles(Object claim) {
		Collection<?> values = (claim instanceof Collection<?> collection) ? collection
				: (claim instanceof String text) ? Arrays.asList(text.split("[\\s,]+")) : List.of();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		values.forEach((value) -> Role.fromClaim(String.valueOf(value)).ifPresent(roles::add));
		return roles;
	}

	private static String zone(String zone) {
		if (zone == null || zone.isBlank()) {
			return "UTC";
		}
		try {
			return ZoneId.of(zone).getId();
		}
		catch (DateTimeException ex) {
			throw new InvalidBearerTokenException("The token's zone claim '" + zone + "' is not a time zone");
		}
	}

}
