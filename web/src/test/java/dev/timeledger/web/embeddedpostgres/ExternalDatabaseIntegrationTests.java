package dev.timeledger.web.embeddedpostgres;

import java.util.Map;

import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set, the server uses that database and starts no
 * PostgreSQL of its own. The "external" database here is a database of the test JVM's
 * throw-away server, reached only through the URL.
 */
@IntegrationTest
class ExternalDatabaseIntegrationTests {

	private static final EmbeddedPostgresServer EXTERNAL = EmbeddedPostgresServer.startEphemeral();

	private static final String URL = EXTERNAL.jdbcUrl("external_" + ProcessHandle.current().pid());

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void releaseExternal() {
		EXTERNAL.close();
	}

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL);
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@Test
	void theConfiguredDatabaseIsUsed_andNoEmbeddedServerStarts() {
		ApiClient api = new ApiClient(this.port);
		String token = api.token("acme", "mia", "manager");

		assertThat(api.post("/api/projects", token, Map.of("name", "Apollo")).status()).isEqualTo(201);
		assertThat(this.context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
		assertThat(this.jdbc.sql("SELECT current_database()").query(String.class).single())
			.isEqualTo(URL.substring(URL.lastIndexOf('/') + 1, URL.indexOf('?')));
		assertThat(this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'ProjectCreated'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
