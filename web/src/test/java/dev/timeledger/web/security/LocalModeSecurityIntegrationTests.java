package dev.timeledger.web.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.IntegrationTest;
import dev.timeledger.web.support.Jwts;
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

		assertThat(this.api.get("/api/projects", Jwts.rs256(stranger, claims().build())).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", Jwts.rs256(this.localSigningKey, claims().build())).status())
			.isEqualTo(200);
	}

	@Test
	void expiredFutureAndForeignIssuerTokens_areRefused() throws Exception {
		Instant now = Instant.now();
		String expired = Jwts.rs256(this.localSigningKey,
				claims().expirationTime(Date.from(now.minusSeconds(600))).build());
		String notYetValid = Jwts.rs256(this.localSigningKey,
				claims().notBeforeTime(Date.from(now.plusSeconds(600))).build());
		String foreignIssuer = Jwts.rs256(this.localSigningKey, claims().issuer("someone-else").build());

		assertThat(this.api.get("/api/projects", expired).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", notYetValid).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", foreignIssuer).status()).isEqualTo(401);
	}

	@Test
	void algNoneAndHmacTokens_areRefused() throws Exception {
		JWTClaimsSet claims = claims().build();

		assertThat(this.api.get("/api/projects", Jwts.unsigned(claims)).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", Jwts.hs256WithPublicKey(this.localSigningKey, claims)).status())
			.isEqualTo(401);
	}

	@Test
	void tokensWithoutTenantOrWithABadZone_areRefused() throws Exception {
		String noTenant = Jwts.rs256(this.localSigningKey, claims().claim("tenant_id", null).build());
		String badZone = Jwts.rs256(this.localSigningKey, claims().claim("zone", "Mars/Olympus").build());

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

}
