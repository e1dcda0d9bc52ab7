package dev.timeledger.web.security;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.IntegrationTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local mode accepts only RS256 tokens it signed itself, issued by itself, with a subject
 * and tenant: on REST, on the event stream and at STOMP CONNECT alike.
 */
@IntegrationTest
class LocalModeSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RSAKey localSigningKey;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("dev.timeledger.web.security.JwtVector#onEveryChannel")
	void tokenVector_isRefusedOrAccepted_theWayItsChannelPromises(JwtVector vector, AuthChannel channel) {
		JwtVector.Trust trust = new JwtVector.Trust(this.localSigningKey, LocalTokens.ISSUER, null);

		channel.expect(new AuthChannel.Server(this.api, this.port, this.jdbc), vector.attempt(trust));
	}

	@Test
	void devToken_isAccepted() {
		String token = this.api.token(ApiClient.newTenant(), "u1", "worker");

		assertThat(this.api.get("/api/projects", token).status()).isEqualTo(200);
	}

	@Test
	void aRefusedToken_isToldWhy() {
		JwtVector.Trust trust = new JwtVector.Trust(this.localSigningKey, LocalTokens.ISSUER, null);
		Response refused = this.api.send(this.api.request("/api/projects", null)
			.header("Authorization", JwtVector.NO_TENANT.attempt(trust).authorization()));

		assertThat(TestWorld.isProblem(refused, 401, "unauthorized")).isTrue();
		assertThat(refused.json().get("detail").asText()).contains("tenant_id");
	}

	@Test
	void devTokenEndpoint_validatesItsInput() {
		Response unknownRole = this.api.post("/api/dev/tokens", null,
				Map.of("user", "u", "tenant", "t", "roles", List.of("wizard")));
		Response noTenant = this.api.post("/api/dev/tokens", null, Map.of("user", "u", "roles", List.of("worker")));

		assertThat(TestWorld.isProblem(unknownRole, 400, "validation-failed")).isTrue();
		assertThat(TestWorld.isProblem(noTenant, 400, "validation-failed")).isTrue();
	}

}
