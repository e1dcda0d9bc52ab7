package dev.timeledger.web.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.Jwts;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The bearer-token attacks of the security suite, each with the answer the server owes it
 * under a given trust: accepted or refused. Every attempt names a tenant of its own, so
 * that what it stored can be counted.
 */
enum JwtVector {

	/** The control: an honest token of the trusted issuer. */
	HONEST_TOKEN(always(), (trust, claims) -> signed(trust, claims)),

	NO_TOKEN(never(), (trust, claims) -> null),

	NOT_A_BEARER_TOKEN(never(),
			(trust, claims) -> "Basic "
					+ Base64.getEncoder().encodeToString("mia:secret".getBytes(StandardCharsets.UTF_8))),

	GARBAGE(never(), (trust, claims) -> "Bearer not-a-jwt"),

	ALG_NONE(never(), (trust, claims) -> bearer(Jwts.unsigned(claims.build()))),

	SIGNATURE_STRIPPED(never(),
			(trust, claims) -> bearer(Jwts.withoutSignature(Jwts.rs256(trust.key(), claims.build())))),

	/** A worker's honest token whose payload was edited to make it an operator's. */
	CLAIMS_TAMPERED(never(), (trust,
			claims) -> bearer(Jwts.withClaims(Jwts.rs256(trust.key(), claims.claim("roles", List.of("worker")).build()),
					claims.claim("roles", List.of("manager", "admin", "integration", "operator")).build()))),

	/** HS/RS confusion: HS256 keyed with the server's public key (DER). */
	HS256_WITH_PUBLIC_KEY(never(), (trust, claims) -> bearer(Jwts.hs256WithPublicKey(trust.key(), claims.build()))),

	/** HS/RS confusion with the public key as PEM text. */
	HS256_WITH_PUBLIC_KEY_PEM(never(),
			(trust, claims) -> bearer(Jwts.hs256WithPublicKeyPem(trust.key(), claims.build()))),

	UNKNOWN_KID(never(), (trust, claims) -> bearer(Jwts.rs256(attacker(), "attacker-key", false, claims.build()))),

	/** Another key that claims the trusted key's id. */
	OTHER_KEY_WITH_TRUSTED_KID(never(),
			(trust, claims) -> bearer(Jwts.rs256(attacker(), trust.key().getKeyID(), false, claims.build()))),

	/** Another key that ships itself in the header ({@code jwk}). */
	EMBEDDED_JWK(never(), (trust, claims) -> bearer(Jwts.rs256(attacker(), "attacker-key", true, claims.build()))),

	WRONG_ISSUER(never(), (trust, claims) -> signed(trust, claims.issuer("https://evil.example.test"))),

	NO_ISSUER(never(), (trust, claims) -> signed(trust, claims.issuer(null))),

	/** Refused when an audience is configured (identity provider mode) only. */
	WRONG_AUDIENCE((trust) -> trust.audience() == null, (trust, claims) -> signed(trust, claims.audience("other-api"))),

	EXPIRED_BEYOND_SKEW(never(),
			(trust, claims) -> signed(trust, claims.expirationTime(fromNow(Trust.CLOCK_SKEW.multipliedBy(-2))))),

	/** Accepted: the clock skew tolerates clocks that disagree. */
	EXPIRED_WITHIN_SKEW(always(),
			(trust, claims) -> signed(trust, claims.expirationTime(fromNow(Trust.CLOCK_SKEW.dividedBy(-3))))),

	/** A token that never expires could never be taken back. */
	NO_EXPIRY(never(), (trust, claims) -> signed(trust, claims.expirationTime(null))),

	NOT_BEFORE_BEYOND_SKEW(never(),
			(trust, claims) -> signed(trust, claims.notBeforeTime(fromNow(Trust.CLOCK_SKEW.multipliedBy(2))))),

	NOT_BEFORE_WITHIN_SKEW(always(),
			(trust, claims) -> signed(trust, claims.notBeforeTime(fromNow(Trust.CLOCK_SKEW.dividedBy(3))))),

	NO_TENANT(never(), (trust, claims) -> signed(trust, claims.claim("tenant_id", null))),

	NO_SUBJECT(never(), (trust, claims) -> signed(trust, claims.subject(null))),

	BAD_ZONE(never(), (trust, claims) -> signed(trust, claims.claim("zone", "Mars/Olympus")));

	private final Predicate<Trust> accepted;

	private final BiFunction<Trust, JWTClaimsSet.Builder, String> authorization;

	JwtVector(Predicate<Trust> accepted, BiFunction<Trust, JWTClaimsSet.Builder, String> authorization) {
		this.accepted = accepted;
		this.authorization = authorization;
	}

	/** Every vector on every channel: the rows of the suite. */
	static Stream<Arguments> onEveryChannel() {
		return Arrays.stream(values())
			.flatMap((vector) -> Arrays.stream(AuthChannel.values()).map((channel) -> Arguments.of(vector, channel)));
	}

	/** A fresh attempt: the {@code Authorization} header and the tenant it names. */
	Attempt attempt(Trust trust) {
		String tenant = ApiClient.newTenant();
		return new Attempt(this.authorization.apply(trust, honestClaims(trust, tenant)), tenant,
				this.accepted.test(trust));
	}

	/**
	 * The claims of an honest token of the trusted issuer for a manager, admin and
	 * integration of the tenant, under the default claim names.
	 */
	static JWTClaimsSet.Builder honestClaims(Trust trust, String tenant) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(trust.issuer())
			.subject("vera")
			.claim("tenant_id", tenant)
			.claim("roles", List.of("manager", "admin", "integration"))
			.issueTime(Date.from(now.minusSeconds(600)))
			.expirationTime(Date.from(now.plusSeconds(600)));
		if (trust.audience() != null) {
			claims.audience(trust.audience());
		}
		return claims;
	}

	private static String signed(Trust trust, JWTClaimsSet.Builder claims) {
		return bearer(Jwts.rs256(trust.key(), claims.build()));
	}

	private static Date fromNow(Duration offset) {
		return Date.from(Instant.now().plus(offset));
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private static Predicate<Trust> always() {
		return (trust) -> true;
	}

	private static Predicate<Trust> never() {
		return (trust) -> false;
	}

	private static RSAKey attacker() {
		return Attacker.KEY;
	}

	/**
	 * What a server trusts.
	 *
	 * @param key its signing key (local mode) or its identity provider's key
	 * @param issuer the issuer it requires
	 * @param audience the audience it requires, null when none is configured
	 */
	record Trust(RSAKey key, String issuer, String audience) {

		/** Spring Security's default clock skew for {@code exp} and {@code nbf}. */
		static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	}

	/**
	 * One try.
	 *
	 * @param authorization the {@code Authorization} header value, null for none
	 * @param tenant the tenant its claims name
	 * @param accepted whether the server must accept it
	 */
	record Attempt(String authorization, String tenant, boolean accepted) {
	}

	/** The attacker's own key pair, made once. */
	private static final class Attacker {

		private static final RSAKey KEY = generate();

		private static RSAKey generate() {
			try {
				return new RSAKeyGenerator(2048).keyID("attacker-key").generate();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
