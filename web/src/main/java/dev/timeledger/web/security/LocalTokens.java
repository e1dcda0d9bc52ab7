package dev.timeledger.web.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.timeledger.web.TimeLedgerProperties;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues the development tokens of local mode, with the claim names the server is
 * configured to read ({@code timeledger.security.*-claim}): a token it issued is always
 * one it accepts.
 */
public final class LocalTokens {

	static final String ISSUER = "timeledger-local";

	private final NimbusJwtEncoder encoder;

	private final String keyId;

	private final TimeLedgerProperties.Security claims;

	private final Clock clock;

	LocalTokens(RSAKey key, TimeLedgerProperties.Security security, Clock clock) {
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		this.keyId = key.getKeyID();
		this.claims = security;
		this.clock = clock;
	}

	/**
	 * A signed token with the claims of API.md, under the configured names.
	 * @param user the subject
	 * @param tenant the tenant
	 * @param roles the role names
	 * @param name the display name
	 * @param zone the time zone, null for UTC
	 */
	public IssuedToken issue(String user, String tenant, Collection<String> roles, String name, String zone) {
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(user)
			.issuedAt(now)
			.expiresAt(now.plus(this.claims.localTokenTtl()))
			.claim(this.claims.tenantClaim(), tenant)
			.claim(this.claims.rolesClaim(), roles)
			.claim(this.claims.nameClaim(), (name != null) ? name : user);
		if (zone != null) {
			claims.claim(this.claims.zoneClaim(), zone);
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.keyId).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		return new IssuedToken(token, now.plus(this.claims.localTokenTtl()));
	}

	/**
	 * A token and when it expires.
	 *
	 * @param token the compact JWS
	 * @param expiresAt its expiry
	 */
	public record IssuedToken(String token, Instant expiresAt) {
	}

}
