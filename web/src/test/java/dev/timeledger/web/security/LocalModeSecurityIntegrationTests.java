package dev.timeledger.web.security;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.IntegrationTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Local mode accepts only RS256 tokens it signed itself, with a subject and tenant. */
@IntegrationTest
class LocalModeSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RSAKey localSigningKey;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void devToken_isAccepted() {
		String token = this.api.token(ApiClient.newTenant(), "u1", "worker");

		assertThat(this.api.get("/api/projects", token).status()).isEqualTo(200);
	}

	@Test
	void missingOrGarbageToken_answers401Problem() {
		Response none = this.api.get("/api/projects", null);
		Response garbage = this.api.get("/api/projects", "not-a-jwt");

		assertThat(TestWorld.isProblem(none, 401, "unauthorized")).isTrue();
		assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(TestWorld.isProblem(garbage, 401, "unauthorized")).isTrue();
	}

	@Test
	void tokensNotSignedByTheServersKey_areRefused() throws Exception {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();

		assertThat(this.api.get("/api/projects", rs256(stranger, claims().build())).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", rs256(this.localSigningKey, claims().build())).status())
			.isEqualTo(200);
	}

	@Test
	void expiredFutureAndForeignIssuerTokens_areRefused() throws Exception {
		Instant now = Instant.now();
		String expired = rs256(this.localSigningKey, claims().expirationTime(Date.from(now.minusSeconds(600))).build());
		String notYetValid = rs256(this.localSigningKey,
				claims().notBeforeTime(Date.from(now.plusSeconds(600))).build());
		String foreignIssuer = rs256(this.localSigningKey, claims().issuer("someone-else").build());

		assertThat(this.api.get("/api/projects", expired).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", notYetValid).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", foreignIssuer).status()).isEqualTo(401);
	}

	@Test
	void algNoneAndHmacTokens_areRefused() throws Exception {
		JWTClaimsSet claims = claims().build();
		String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
		String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toString().getBytes());
		SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		hmac.sign(new MACSigner(this.localSigningKey.toRSAPublicKey().getEncoded()));

		assertThat(this.api.get("/api/projects", header + "." + payload + ".").status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", hmac.serialize()).status()).isEqualTo(401);
	}

	@Test
	void tokensWithoutTenantOrWithABadZone_areRefused() throws Exception {
		String noTenant = rs256(this.localSigningKey, claims().claim("tenant_id", null).build());
		String badZone = rs256(this.localSigningKey, claims().claim("zone", "Mars/Olympus").build());

		Response refused = this.api.get("/api/projects", noTenant);
		assertThat(TestWorld.isProblem(refused, 401, "unauthorized")).isTrue();
		assertThat(refused.json().get("detail").asText()).contains("tenant_id");
		assertThat(this.api.get("/api/projects", badZone).status()).isEqualTo(401);
	}

	@Test
	void devTokenEndpoint_validatesItsInput() {
		Response unknownRole = this.api.post("/api/dev/tokens", null,
				Map.of("user", "u", "tenant", "t", "roles", List.of("wizard")));
		Response noTenant = this.api.post("/api/dev/tokens", null, Map.of("user", "u", "roles", List.of("worker")));

		assertThat(TestWorld.isProblem(unknownRole, 400, "validation-failed")).isTrue();
		assertThat(TestWorld.isProblem(noTenant, 400, "validation-failed")).isTrue();
	}

	private static JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer("timeledger-local")
			.subject("intruder")
			.claim("tenant_id", "acme")
			.claim("roles", List.of("worker"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)));
	}

	private static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
