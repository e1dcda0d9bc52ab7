package dev.timeledger.web.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Hand-made tokens, honest and forged, for the security tests. */
public final class Jwts {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private Jwts() {
	}

	/** A local-mode token of one role that expires at the given instant. */
	public static String localExpiring(RSAKey key, String tenant, String subject, String role, Instant expiresAt) {
		return rs256(key,
				new JWTClaimsSet.Builder().issuer("timeledger-local")
					.subject(subject)
					.claim("tenant_id", tenant)
					.claim("roles", List.of(role))
					.issueTime(Date.from(expiresAt.minusSeconds(600)))
					.expirationTime(Date.from(expiresAt))
					.build());
	}

	/** A token signed with RS256 by the given key. */
	public static String rs256(RSAKey key, JWTClaimsSet claims) {
		return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), key, claims);
	}

	/**
	 * A token signed by {@code key} whose header names {@code keyId} and, when
	 * {@code embedKey}, carries the signing key itself ({@code jwk}).
	 */
	public static String rs256(RSAKey key, String keyId, boolean embedKey, JWTClaimsSet claims) {
		JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId);
		if (embedKey) {
			header.jwk(key.toPublicJWK());
		}
		return sign(header.build(), key, claims);
	}

	/** An unsigned token ({@code alg: none}). */
	public static String unsigned(JWTClaimsSet claims) {
		return BASE64URL.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
				+ BASE64URL.encodeToString(claims.toString().getBytes()) + ".";
	}

	/** The token with its signature cut off, header unchanged. */
	public static String withoutSignature(String token) {
		return token.substring(0, token.lastIndexOf('.') + 1);
	}

	/** The token with other claims, header and signature unchanged. */
	public static String withClaims(String token, JWTClaimsSet claims) {
		String[] parts = token.split("\\.");
		return parts[0] + "." + BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];
	}

	/**
	 * An HS256 token whose secret is the RSA public key: the algorithm-confusion attack.
	 */
	public static String hs256WithPublicKey(RSAKey key, JWTClaimsSet claims) {
		try {
			return hs256(key.toRSAPublicKey().getEncoded(), claims);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The same attack with the public key in PEM text, as it is often published. */
	public static String hs256WithPublicKeyPem(RSAKey key, JWTClaimsSet claims) {
		try {
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			return hs256(pem.getBytes(StandardCharsets.US_ASCII), claims);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hs256(byte[] secret, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		jwt.sign(new MACSigner(secret));
		return jwt.serialize();
	}

	private static String sign(JWSHeader header, RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
