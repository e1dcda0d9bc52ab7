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
import dev.timeledger.web.support.RawStompClient;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an identity provider configured by Spring Boot's standard properties, only its
 * RS256 tokens for this audience and issuer are accepted, on REST, on the event stream
 * and at STOMP CONNECT alike, and local mode is off. The browser origin configured here
 * may open the WebSocket.
 */
@IntegrationTest
class ExternalIdentityProviderIntegrationTests {

	private static final String ISSUER = "https://idp.example.test/realms/acme";

	private static final String AUDIENCE = "timeledger-api";

	private static final String ALLOWED_ORIGIN = "https://app.example.test";

	private static final RSAKey PROVIDER_KEY = generate("provider-key");

	private static final HttpServer JWKS = serve(new JWKSet(PROVIDER_KEY.toPublicJWK()));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks.json");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
		registry.add("timeledger.live.allowed-origins", () -> ALLOWED_ORIGIN);
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

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("dev.timeledger.web.security.JwtVector#onEveryChannel")
	void tokenVector_isRefusedOrAccepted_theWayItsChannelPromises(JwtVector vector, AuthChannel channel) {
		JwtVector.Trust trust = new JwtVector.Trust(PROVIDER_KEY, ISSUER, AUDIENCE);

		channel.expect(new AuthChannel.Server(this.api, this.port, this.jdbc), vector.attempt(trust));
	}

	@Test
	void aConfiguredOrigin_mayOpenTheWebSocket_otherOriginsMayNot() {
		try (RawStompClient allowed = RawStompClient.handshake(this.port, Map.of("Origin", ALLOWED_ORIGIN)).client()) {
			assertThat(allowed).as("a handshake from " + ALLOWED_ORIGIN).isNotNull();
		}
		assertThat(RawStompClient.handshake(this.port, Map.of("Origin", "https://evil.example.test")).status())
			.isEqualTo(403);
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
