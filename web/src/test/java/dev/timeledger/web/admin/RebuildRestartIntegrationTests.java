package dev.timeledger.web.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.TimeLedgerApplication;
import dev.timeledger.web.embeddedpostgres.EmbeddedPostgresServer;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.Projections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild survives a restart of the node: it resumes from its own position, not from
 * zero.
 */
class RebuildRestartIntegrationTests {

	private static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.startEphemeral();

	private static final String URL = POSTGRES.jdbcUrl("rebuild_restart_" + ProcessHandle.current().pid());

	@AfterAll
	static void releasePostgres() {
		POSTGRES.close();
	}

	@Test
	void aRebuildInProgress_resumesAfterARestart() {
		long positionBeforeRestart;
		long rowsBeforeRestart;
		String token;
		try (ConfigurableApplicationContext first = start()) {
			ApiClient api = new ApiClient(port(first));
			token = api.token("acme", "otto", "operator", "worker", "manager");
			String projectId = api.post("/api/projects", token, Map.of("name", "Apollo"))
				.json()
				.get("projectId")
				.asText();
			Instant monday = Instant.parse("2026-11-09T08:00:00Z");
			for (int i = 0; i < 30; i++) {
				api.post("/api/time-entries", token,
						Map.of("projectId", projectId, "start", monday.plusSeconds(3600L * i).toString(), "end",
								monday.plusSeconds(3600L * i + 1800).toString()));
			}
			assertThat(api.post("/api/admin/projections/weekly-report/rebuild?switch=manual", token, null).status())
				.isEqualTo(202);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(rebuild(api, token).get("eventsDone").asLong()).isEqualTo(head(first)));
			positionBeforeRestart = rebuild(api, token).get("eventsDone").asLong();
			rowsBeforeRestart = rows(first);
		}

		try (ConfigurableApplicationContext second = start()) {
			ApiClient api = new ApiClient(port(second));
			JsonNode rebuild = rebuild(api, token);
			assertThat(rebuild.get("eventsDone").asLong()).as("resumed, not restarted")
				.isEqualTo(positionBeforeRestart);
			assertThat(rows(second)).isEqualTo(rowsBeforeRestart);

			String projectId = api.get("/api/projects", token).json().get("projects").get(0).get("projectId").asText();
			api.post("/api/time-entries", token,
					Map.of("projectId", projectId, "start", "2026-11-20T08:00:00Z", "end", "2026-11-20T09:00:00Z"));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(rebuild(api, token).get("eventsDone").asLong())
					.isEqualTo(positionBeforeRestart + 1));
			assertThat(api.post("/api/admin/projections/weekly-report/switch", token, null).status()).isEqualTo(200);
			assertThat(api.get("/api/reports/weekly?week=2026-W47", token).json().get("totalSeconds").asLong())
				.isEqualTo(3600);
		}
	}

	private static JsonNode rebuild(ApiClient api, String token) {
		return Projections.status(api, token, "weekly-report").get("rebuild");
	}

	private static long head(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT max(global_index) FROM domain_event_entry")
			.query(Long.class)
			.single();
	}

	private static long rows(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT count(*) FROM weekly_entry WHERE version = 2")
			.query(Long.class)
			.single();
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TimeLedgerApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + URL, "--spring.datasource.username=postgres", "--logging.level.root=WARN");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
