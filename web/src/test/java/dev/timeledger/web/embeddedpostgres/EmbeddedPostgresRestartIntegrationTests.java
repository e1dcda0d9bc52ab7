package dev.timeledger.web.embeddedpostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.timeledger.web.TimeLedgerApplication;
import dev.timeledger.web.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
		try (ConfigurableApplicationContext first = start()) {
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
	void aKilledServer_restartsOnTheSameData() throws Exception {
		int port = freePort();
		Process first = launch(port);
		String token;
		String projectId;
		try {
			ApiClient api = awaitReady(port, first);
			token = api.token("acme", "mia", "manager");
			projectId = api.post("/api/projects", token, Map.of("name", "Gemini")).json().get("projectId").asText();
		}
		finally {
			first.destroyForcibly().waitFor();
		}
		assertThat(Files.exists(this.dataDir.resolve("postgres/postmaster.pid"))).as("orphaned PostgreSQL").isTrue();

		Process second = launch(port);
		try {
			ApiClient api = awaitReady(port, second);
			assertThat(api.get("/api/projects/" + projectId, token).json().get("name").asText()).isEqualTo("Gemini");
		}
		finally {
			second.destroy();
			assertThat(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		}
		assertThat(Files.exists(this.dataDir.resolve("postgres/postmaster.pid"))).as("stopped PostgreSQL").isFalse();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TimeLedgerApplication.class).run(arguments(0).toArray(String[]::new));
	}

	private List<String> arguments(int port) {
		return List.of("--server.port=" + port, "--timeledger.data-dir=" + this.dataDir,
				"--timeledger.embedded-postgres.ephemeral=false", "--timeledger.embedded-postgres.fresh-database=false",
				"--logging.level.root=WARN");
	}

	private Process launch(int port) throws IOException {
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), TimeLedgerApplication.class.getName()));
		command.addAll(arguments(port));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dataDir.resolve("server-" + port + "-" + System.nanoTime() + ".log").toFile())
			.start();
	}

	private static ApiClient awaitReady(int port, Process process) throws InterruptedException {
		ApiClient api = new ApiClient(port);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(deadline) && process.isAlive()) {
			try {
				if (api.get("/actuator/health", null).status() == 200) {
					return api;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The server did not become ready; alive=" + process.isAlive());
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
