package dev.timeledger.web.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.timeledger.web.embeddedpostgres.EmbeddedPostgresServer;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ChildServer;
import dev.timeledger.web.support.RawStompClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server stopped gracefully (SIGTERM) says goodbye to its STOMP clients: a close frame
 * with 1001 (going away), not a dropped connection.
 */
@Timeout(120)
class GracefulStopIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@TempDir
	Path data;

	@Test
	void aGracefulStop_closesStompConnectionsWithGoingAway() throws Exception {
		try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startEphemeral()) {
			stopWithAClientConnected(postgres.jdbcUrl(EmbeddedPostgresServer.uniqueDatabaseName("graceful_stop")));
		}
	}

	private void stopWithAClientConnected(String url) throws Exception {
		try (ChildServer server = new ChildServer(ChildServer.logs("graceful-stop"),
				List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
						"--timeledger.data-dir=" + this.data, "--logging.level.root=WARN"))) {
			ApiClient api = server.start();
			String tenant = ApiClient.newTenant();
			try (RawStompClient client = RawStompClient.open(server.port())) {
				client.connect("Bearer " + api.token(tenant, "mia", "manager"));
				assertThat(client.nextFrame(WAIT).command()).isEqualTo("CONNECTED");

				server.stop();

				assertThat(client.awaitClose(WAIT)).as("close code").isEqualTo(1001);
			}
		}
	}

}
