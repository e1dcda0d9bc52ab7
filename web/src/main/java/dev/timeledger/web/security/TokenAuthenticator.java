package dev.timeledger.web.security;

import java.time.Duration;
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

	/**
	 * The clock skew both decoders grant {@code exp} and {@code nbf} (Spring Security's
	 * default): a session lives as long as its token would still be accepted.
	 */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

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
			Instant expiresAt = jwt.getExpiresAt();
			return new Authenticated(authentication.caller(), (expiresAt != null) ? expiresAt.plus(CLOCK_SKEW) : null);
		}
		catch (JwtException | org.springframework.security.oauth2.core.OAuth2AuthenticationException ex) {
			throw new InvalidToken(ex.getMessage());
		}
	}

	/**
	 * A caller and until when its token is accepted.
	 *
	 * @param caller the caller
	 * @param validUntil the token's expiry plus the clock skew, null when it has none
	 */
	public record Authenticated(Caller caller, Instant validUntil) {
	}

	/** A token was refused. */
	public static class InvalidToken extends RuntimeException {

		InvalidToken(String message) {
			super(message);
		}

	}

}
