package dev.timeledger.web.security;

import java.time.Instant;

import dev.timeledger.web.TimeLedgerProperties;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Checks a bearer token outside an HTTP request (the STOMP {@code CONNECT} frame) with
 * the same decoder and claim rules as the REST API.
 */
@Component
public class TokenAuthenticator {

	private final JwtDecoder decoder;

	private final CallerConverter converter;

	TokenAuthenticator(JwtDecoder decoder, TimeLedgerProperties properties) {
		this.decoder = decoder;
		this.converter = new CallerConverter(properties.security());
	}

	/**
	 * The caller of an {@code Authorization} header value.
	 * @throws InvalidToken when the header is missing, not a bearer token, or refused
	 */
	public Authenticated authenticate(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			throw new InvalidToken("a bearer token is required");
		}
		try {
			Jwt jwt = this.decoder.decode(authorization.substring(7).trim());
			CallerAuthentication authentication = (CallerAuthentication) this.converter.convert(jwt);
			return new Authenticated(authentication.caller(), jwt.getExpiresAt());
		}
		catch (JwtException | org.springframework.security.oauth2.core.OAuth2AuthenticationException ex) {
			throw new InvalidToken(ex.getMessage());
		}
	}

	/**
	 * A caller and when its token expires.
	 *
	 * @param caller the caller
	 * @param expiresAt the token's expiry, null when it has none
	 */
	public record Authenticated(Caller caller, Instant expiresAt) {
	}

	/** A token was refused. */
	public static class InvalidToken extends RuntimeException {

		InvalidToken(String message) {
			super(message);
		}

	}

}
