package dev.timeledger.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A token decoder that remembers the tokens it accepted. A client sends the same token
 * with every request and every STOMP connection; its signature, issuer, audience and
 * claims cannot change, so they are checked once. Its time window ({@code exp} and
 * {@code nbf} with the same clock skew) is checked on every use. A token is remembered
 * for at most the configured time, so that a key the identity provider withdraws stops
 * being accepted within it; the memory holds at most {@value #CAPACITY} tokens.
 */
final class VerifiedTokens implements JwtDecoder {

	static final int CAPACITY = 4096;

	private static final String REFUSED = "An error occurred while attempting to decode the Jwt: %s";

	private final JwtDecoder decoder;

	private final long ttlNanos;

	private final OAuth2TokenValidator<Jwt> window = new JwtTimestampValidator(TokenAuthenticator.CLOCK_SKEW);

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	VerifiedTokens(JwtDecoder decoder, Duration ttl) {
		this.decoder = decoder;
		this.ttlNanos = ttl.toNanos();
	}

	@Override
	public Jwt decode(String token) {
		Verified known = this.verified.get(token);
		long now = System.nanoTime();
		if (known != null && now - known.forgetAtNanos() < 0) {
			OAuth2TokenValidatorResult result = this.window.validate(known.jwt());
			if (result.hasErrors()) {
				this.verified.remove(token);
				throw new JwtValidationException(String.format(REFUSED, description(result)), result.getErrors());
			}
			return known.jwt();
		}
		Jwt jwt = this.decoder.decode(token);
		if (this.verified.size() >= CAPACITY) {
			this.verified.clear();
		}
		this.verified.put(token, new Verified(jwt, now + this.ttlNanos));
		return jwt;
	}

	private static String description(OAuth2TokenValidatorResult result) {
		return result.getErrors()
			.stream()
			.map(OAuth2Error::getDescription)
			.filter((description) -> description != null && !description.isEmpty())
			.findFirst()
			.orElse("the token is outside its time window");
	}

	private record Verified(Jwt jwt, long forgetAtNanos) {
	}

}
