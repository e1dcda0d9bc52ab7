package dev.timeledger.web.embeddedpostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.timeledger.web.TimeLedgerApplication;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ChildServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a datasource URL the server runs its own PostgreSQL in the data directory: data
 * and tokens survive a restart, and so they do after the server was killed with SIGKILL.
 */
class EmbeddedPostgresRestartIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void dataAndTokens_surviveARestart() {
		String token;
		String projectId;
		try (ConfigurableApplicationContext first = start("--timeledger.embedded-postgres.settings.work_mem=5MB")) {
			// settings of its own reach the embedded PostgreSQL
			assertThat(first.getBean(JdbcClient.class).sql("SHOW work_mem").query(String.class).single())
				.isEqualTo("5MB");
			ApiClient api = new ApiClient(port(first));
			token = api.token("acme", "mia", "manager");
			projectId = api.post("/api/projects", token, Map.of("name", "Apollo")).json().get("projectId").asText();
		}
		assertThat(Files.exists(this.dataDir.resolve("postgres/postmaster.pid"))).isFalse();

		try (ConfigurableApplicationContext second = start()) {
			ApiClient api = new ApiClient(port(second));
			assertThat(api.get("/api/projects/" + projectId, token).json().get("name").asText()).isEqualTo("Apollo");
		}
	}

	@Test
	void aKilledServer_restartsOnTheSameData() throws IOException {
		try (ChildServer server = new ChildServer(this.dataDir, arguments())) {
			ApiClient api = server.start();
			String token = api.token("acme", "mia", "manager");
			String projectId = api.post("/api/projects", token, Map.of("name", "Gemini"))
				.json()
				.get("projectId")
				.asText();
			server.kill();
			assertThat(Files.exists(this.dataDir.resolve("postgres/postmaster.pid"))).as("orphaned PostgreSQL")
				.isTrue();

			api = server.start();
			assertThat(api.get("/api/projects/" + projectId, token).json().get("name").asText()).isEqualTo("Gemini");
			server.stop();
			assertThat(Files.exists(this.dataDir.resolve("postgres/postmaster.pid"))).as("stopped PostgreSQL")
				.isFalse();
			// the database stops after the processors and requests are done with it
			assertThat(warnings(server.log())).as("warnings of the graceful stop").isEmpty();
		}
	}

	/**
	 * WARN and ERROR lines, but those of the start: SpringDoc's, and the orphaned
	 * PostgreSQL this start stopped.
	 */
	private static List<String> warnings(Path log) throws IOException {
		return Files.readAllLines(log)
			.stream()
			.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			.filter((line) -> !line.contains("SpringDoc") && !line.contains("a previous run left behind"))
			.toList();
	}

	private ConfigurableApplicationContext start(String... more) {
		return new SpringApplicationBuilder(TimeLedgerApplication.class)
			.run(Stream.of(Stream.of("--server.port=0"), arguments().stream(), Stream.of(more))
				.flatMap((arguments) -> arguments)
				.toArray(String[]::new));
	}

	private List<String> arguments() {
		return List.of("--timeledger.data-dir=" + this.dataDir, "--timeledger.embedded-postgres.ephemeral=false",
				"--timeledger.embedded-postgres.fresh-database=false", "--logging.level.root=WARN");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
