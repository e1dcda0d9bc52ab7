package dev.timeledger.web.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.embeddedpostgres.EmbeddedPostgresServer;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ChildServer;
import dev.timeledger.web.support.EventSeeder;
import dev.timeledger.web.support.Projections;
import dev.timeledger.web.support.ProjectionsAgree;
import dev.timeledger.web.support.TestWorld;
import dev.timeledger.web.support.WriteLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server process killed with SIGKILL, once under write load and once in the middle of
 * a rebuild, then started again on the same database.
 */
class KilledServerFaultTests {

	private static final Logger logger = LoggerFactory.getLogger(KilledServerFaultTests.class);

	private static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.startEphemeral();

	@TempDir
	Path directory;

	@AfterAll
	static void releasePostgres() {
		POSTGRES.close();
	}

	@Test
	void killedUnderLoad_keepsEveryAcknowledgedWrite_andRetriesTakeEffectOnce() throws Exception {
		String url = POSTGRES.jdbcUrl(EmbeddedPostgresServer.uniqueDatabaseName("killed_load"));
		JdbcClient jdbc = jdbc(url);
		try (ChildServer server = new ChildServer(ChildServer.logs("killed-server"), arguments(url))) {
			ApiClient api = server.start();
			TestWorld world = new TestWorld(api, jdbc);
			List<String> users = List.of("w1", "w2", "w3", "w4", "w5", "w6");
			WriteLoad load = new WriteLoad(api, world.projectId,
					users.stream().map((user) -> api.token(world.tenant, user, "worker")).toList());
			load.start(2000, Duration.ofSeconds(90));
			await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged().size() >= 150);

			server.kill();
			load.stop();
			int acknowledgedBeforeKill = load.acknowledged().size();
			int cutOff = load.writes().size() - acknowledgedBeforeKill;
			long restartStarted = System.nanoTime();
			server.start();
			double restartSeconds = (System.nanoTime() - restartStarted) / 1e9;
			assertThat(load.retryUnacknowledged(Duration.ofSeconds(60))).as("writes never acknowledged").isEmpty();

			load.assertEachTookEffectOnce(jdbc, world.tenant);
			long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
			String operator = api.token(world.tenant, "otto", "operator");
			await().atMost(Duration.ofSeconds(60)).until(() -> Projections.allAt(api, operator, head));
			new ProjectionsAgree(api, jdbc, world.tenant, world.manager, "after SIGKILL").at(head, users,
					List.of("2026-W41"), "2026-W41");
			logger.info(
					"FAULT kill-9 under load: {} writes, {} acknowledged before the kill, {} cut off and retried,"
							+ " restart {} s, lost 0, duplicates 0",
					load.writes().size(), acknowledgedBeforeKill, cutOff, String.format("%.1f", restartSeconds));
		}
	}

	@Test
	void killedInTheMiddleOfARebuild_resumesIt_andTheResultEqualsTheLiveVersion() {
		String url = POSTGRES.jdbcUrl(EmbeddedPostgresServer.uniqueDatabaseName("killed_rebuild"));
		JdbcClient jdbc = jdbc(url);
		try (ChildServer server = new ChildServer(ChildServer.logs("killed-server"), arguments(url))) {
			ApiClient api = server.start();
			String operator = api.token("acme", "otto", "operator");
			long head = EventSeeder.seed(jdbc, 150_000);
			await().atMost(Duration.ofSeconds(120))
				.until(() -> Projections.status(api, operator, "weekly-report").get("position").asLong() == head);
			int live = Projections.status(api, operator, "weekly-report").get("version").asInt();

			ApiClient.Response rebuild = api.post("/api/admin/projections/weekly-report/rebuild?switch=manual",
					operator, null);
			assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
			int rebuilt = rebuild.json().get("version").asInt();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> done(api, operator) > 0);
			long doneAtKill = done(api, operator);
			server.kill();
			assertThat(doneAtKill).as("the rebuild was still running when the server was killed").isLessThan(head);

			ApiClient restarted = server.start();
			long doneAfterRestart = done(restarted, operator);
			assertThat(doneAfterRestart).as("resumed from its own position, not from zero")
				.isGreaterThanOrEqualTo(doneAtKill);
			long resumed = System.nanoTime();
			await().atMost(Duration.ofSeconds(120)).until(() -> done(restarted, operator) == head);
			double finishSeconds = (System.nanoTime() - resumed) / 1e9;
			assertThat(Projections.rows(jdbc, "weekly_entry", live)).isPositive();
			for (String table : Projections.WEEKLY_REPORT_COLUMNS.keySet()) {
				assertThat(Projections.difference(jdbc, table, live, rebuilt)).as(table + " live minus rebuilt")
					.isZero();
				assertThat(Projections.difference(jdbc, table, rebuilt, live)).as(table + " rebuilt minus live")
					.isZero();
			}
			ApiClient.Response switched = restarted.post("/api/admin/projections/weekly-report/switch", operator, null);
			assertThat(switched.status()).as(switched.body()).isEqualTo(200);
			logger.info(
					"FAULT kill-9 mid-rebuild: {} of {} events done at the kill, {} after the restart,"
							+ " finished {} s later, rows equal to the live version",
					doneAtKill, head, doneAfterRestart, String.format("%.1f", finishSeconds));
		}
	}

	private static long done(ApiClient api, String operator) {
		JsonNode rebuild = Projections.status(api, operator, "weekly-report").get("rebuild");
		return (rebuild == null || rebuild.isNull()) ? 0 : rebuild.get("eventsDone").asLong();
	}

	private List<String> arguments(String url) {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--timeledger.data-dir=" + this.directory.resolve("data"), "--logging.level.root=WARN");
	}

	static JdbcClient jdbc(String url) {
		return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
	}

}
