package dev.timeledger.web.security;

import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.IntegrationTest;
import dev.timeledger.web.support.Jwts;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With claim names other than the defaults, local mode issues its development tokens
 * under those names, and every token, its own or one signed elsewhere, is read by them on
 * every channel: a token with the default names names no tenant.
 */
@IntegrationTest
@TestPropertySource(properties = { "timeledger.security.tenant-claim=org", "timeledger.security.roles-claim=groups",
		"timeledger.security.name-claim=display_name", "timeledger.security.zone-claim=tz" })
class ConfiguredClaimNamesIntegrationTests {

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

	@ParameterizedTest
	@EnumSource(AuthChannel.class)
	void devToken_isAccepted_onEveryChannel(AuthChannel channel) {
		String tenant = ApiClient.newTenant();
		String token = this.api.token(tenant, "vera", "manager", "admin", "integration");

		channel.expect(server(), new JwtVector.Attempt("Bearer " + token, tenant, true));
	}

	@Test
	void devToken_namesItsClaimsAsConfigured() throws ParseException {
		String tenant = ApiClient.newTenant();

		String token = this.api.tokenInZone(tenant, "walt", "Pacific/Auckland", "worker");

		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims()).containsEntry("org", tenant)
			.containsEntry("groups", List.of("worker"))
			.containsEntry("display_name", "walt")
			.containsEntry("tz", "Pacific/Auckland")
			.doesNotContainKeys("tenant_id", "roles", "name", "zone");
	}

	@Test
	void devTokenZone_placesEntriesInTheWorkersWeek() {
		TestWorld world = new TestWorld(this.api, this.jdbc);
		String token = this.api.tokenInZone(world.tenant, "walt", "Pacific/Auckland", "worker");

		// Sunday evening in UTC is Monday morning in Auckland: the next ISO week
		Response recorded = world.record(token, "2026-11-22T20:00:00Z", "2026-11-22T21:00:00Z");

		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		assertThat(recorded.json().get("week").asText()).isEqualTo("2026-W48");
	}

	@ParameterizedTest
	@EnumSource(AuthChannel.class)
	void aTokenSignedElsewhere_isReadByTheConfiguredNames(AuthChannel channel) {
		channel.expect(server(), signed("org", "groups", true));
	}

	@ParameterizedTest
	@EnumSource(AuthChannel.class)
	void aTokenWithTheDefaultNames_isRefused(AuthChannel channel) {
		channel.expect(server(), signed("tenant_id", "roles", false));
	}

	@Test
	void aTokenWithTheDefaultNames_isToldWhichClaimItLacks() {
		Response refused = this.api.send(this.api.request("/api/projects", null)
			.header("Authorization", signed("tenant_id", "roles", false).authorization()));

		assertThat(TestWorld.isProblem(refused, 401, "unauthorized")).as(refused.body()).isTrue();
		assertThat(refused.json().get("detail").asText()).contains("no org claim");
	}

	private AuthChannel.Server server() {
		return new AuthChannel.Server(this.api, this.port, this.jdbc);
	}

	/**
	 * An honest token signed with the server's key, its tenant and roles moved to the
	 * given claim names.
	 */
	private JwtVector.Attempt signed(String tenantClaim, String rolesClaim, boolean accepted) {
		String tenant = ApiClient.newTenant();
		JWTClaimsSet honest = JwtVector
			.honestClaims(new JwtVector.Trust(this.localSigningKey, LocalTokens.ISSUER, null), tenant)
			.build();
		JWTClaimsSet renamed = new JWTClaimsSet.Builder(honest).claim("tenant_id", null)
			.claim("roles", null)
			.claim(tenantClaim, honest.getClaim("tenant_id"))
			.claim(rolesClaim, honest.getClaim("roles"))
			.build();
		return new JwtVector.Attempt("Bearer " + Jwts.rs256(this.localSigningKey, renamed), tenant, accepted);
	}

}
