package dev.timeledger.web.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.IntegrationTest;
import dev.timeledger.web.support.Jwts;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an identity provider configured by Spring Boot's standard properties, only its
 * RS256 tokens for this audience and issuer are accepted and local mode is off.
 */
@IntegrationTest
class ExternalIdentityProviderIntegrationTests {

	private static final String ISSUER = "https://idp.example.test/realms/acme";

	private static final String AUDIENCE = "timeledger-api";

	private static final RSAKey PROVIDER_KEY = generate("provider-key");

	private static final HttpServer JWKS = serve(new JWKSet(PROVIDER_KEY.toPublicJWK()));

	@LocalServerPort
	int port;

	ApiClient api;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks.json");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
	}

	@AfterAll
	static void stopJwks() {
		JWKS.stop(0);
	}

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void providerTokens_areAccepted_andDriveCommands() throws Exception {
		String manager = Jwts.rs256(PROVIDER_KEY, claims("mia", "manager").build());

		Response created = this.api.post("/api/projects", manager, Map.of("name", "Apollo"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(this.api.get("/api/projects", manager).json().get("projects")).hasSize(1);
	}

	@Test
	void otherKeysExpiredNoneAndHmacTokens_answer401() throws Exception {
		JWTClaimsSet valid = claims("mia", "manager").build();
		String otherKey = Jwts.rs256(generate("provider-key"), valid);
		String expired = Jwts.rs256(PROVIDER_KEY,
				claims("mia", "manager").expirationTime(Date.from(Instant.now().minusSeconds(300))).build());
		String none = Jwts.unsigned(valid);
		String hmac = Jwts.hs256WithPublicKey(PROVIDER_KEY, valid);

		for (String token : List.of(otherKey, expired, none, hmac)) {
			Response refused = this.api.get("/api/projects", token);
			assertThat(TestWorld.isProblem(refused, 401, "unauthorized")).as(refused.body()).isTrue();
		}
	}

	@Test
	void wrongAudienceOrIssuer_answer401() throws Exception {
		String wrongAudience = Jwts.rs256(PROVIDER_KEY, claims("mia", "manager").audience("other-api").build());
		String wrongIssuer = Jwts.rs256(PROVIDER_KEY,
				claims("mia", "manager").issuer("https://evil.example.test").build());

		assertThat(this.api.get("/api/projects", wrongAudience).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", wrongIssuer).status()).isEqualTo(401);
	}

	@Test
	void devTokenEndpoint_doesNotExist() {
		Response devTokens = this.api.post("/api/dev/tokens", null,
				Map.of("user", "u", "tenant", "t", "roles", List.of("admin")));

		assertThat(TestWorld.isProblem(devTokens, 404, "not-found")).as(devTokens.body()).isTrue();
	}

	private static JWTClaimsSet.Builder claims(String user, String role) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject(user)
			.claim("tenant_id", "acme-" + now.toEpochMilli())
			.claim("roles", List.of(role))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)));
	}

	private static RSAKey generate(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer serve(JWKSet jwks) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] body = jwks.toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
