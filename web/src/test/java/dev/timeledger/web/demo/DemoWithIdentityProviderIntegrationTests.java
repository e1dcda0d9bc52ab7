package dev.timeledger.web.demo;

import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.IntegrationTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an identity provider configured, the demo belongs to nobody: the endpoint does not
 * exist, which is also how the page knows to ask for a token. The keys are never fetched
 * here, so the provider's address needs no server.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json")
class DemoWithIdentityProviderIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void demoEndpoint_doesNotExist() {
		ApiClient api = new ApiClient(this.port);

		Response described = api.get("/api/dev/demo", null);
		Response loaded = api.post("/api/dev/demo", null, null);

		assertThat(TestWorld.isProblem(described, 404, "not-found")).as(described.body()).isTrue();
		assertThat(TestWorld.isProblem(loaded, 404, "not-found")).as(loaded.body()).isTrue();
	}

}
