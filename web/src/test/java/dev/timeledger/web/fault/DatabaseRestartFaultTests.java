package dev.timeledger.web.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.TimeLedgerApplication;
import dev.timeledger.web.embeddedpostgres.EmbeddedPostgresServer;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.Projections;
import dev.timeledger.web.support.ProjectionsAgree;
import dev.timeledger.web.support.StompTestClient;
import dev.timeledger.web.support.TestWorld;
import dev.timeledger.web.support.WriteLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped in immediate mode (as a crash does) under write load, then started
 * again: the server answers 503 meanwhile, recovers by itself, and loses nothing it
 * acknowledged.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRestartFaultTests {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseRestartFaultTests.class);

	private static final Duration OUTAGE = Duration.ofSeconds(4);

	@TempDir
	Path directory;

	@Test
	void anImmediateDatabaseStopUnderLoad_answers503_andTheServerRecoversWithoutARestart(CapturedOutput output)
			throws Exception {
		Path data = this.directory.resolve("postgres");
		EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, true, 0);
		int postgresPort = postgres.port();
		String url = postgres.jdbcUrl("timeledger");
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TimeLedgerApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.hikari.connection-timeout=2000",
				"--timeledger.data-dir=" + this.directory.resolve("data"), "--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) server).getWebServer().getPort();
			ApiClient api = new ApiClient(port);
			JdbcClient jdbc = KilledServerFaultTests.jdbc(url);
			TestWorld world = new TestWorld(api, jdbc);
			List<String> users = List.of("w1", "w2", "w3", "w4");
			WriteLoad load = new WriteLoad(api, world.projectId,
					users.stream().map((user) -> api.token(world.tenant, user, "worker")).toList());
			try (StompTestClient watcher = StompTestClient.connect(port, world.manager)) {
				BlockingQueue<JsonNode> team = watcher
					.subscribe("/topic/tenants/" + world.tenant + "/team-weekly-reports/2026-W47", null);
				load.start(5000, Duration.ofSeconds(120));
				await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged().size() >= 100);

				stopImmediately(data);
				ApiClient.Response duringOutage = probe(api, world, "during");
				Thread.sleep(OUTAGE.toMillis());
				postgres.close();
				long restarted = System.nanoTime();
				postgres = EmbeddedPostgresServer.start(data, true, postgresPort);
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> probe(api, world, "after").status() == 201);
				double recoverySeconds = (System.nanoTime() - restarted) / 1e9;
				long probed = probe(api, world, "after").position();
				load.stop();

				assertThat(duringOutage.status()).as(duringOutage.body()).isEqualTo(503);
				assertThat(duringOutage.header("Content-Type")).startsWith("application/problem+json");
				assertThat(duringOutage.code()).isEqualTo("unavailable");
				Set<Integer> statuses = new TreeSet<>();
				load.writes().forEach((write) -> statuses.addAll(write.statuses()));
				assertThat(statuses)
					.as(() -> "every answer is 201 or 503, none cut off or hung; the server's errors:\n"
							+ serverErrors(output))
					.containsOnly(201, 503);
				int refused = (int) load.writes().stream().filter((write) -> write.statuses().contains(503)).count();
				assertThat(load.retryUnacknowledged(Duration.ofSeconds(60))).as("writes never acknowledged").isEmpty();
				int writes = load.assertEachTookEffectOnce(jdbc, world.tenant);

				long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
				String operator = api.token(world.tenant, "otto", "operator");
				await().atMost(Duration.ofSeconds(90)).until(() -> Projections.allAt(api, operator, head));
				new ProjectionsAgree(api, jdbc, world.tenant, world.manager, "after the database restart").at(head,
						users, List.of("2026-W41"), "2026-W41");
				assertThat(awaitPosition(team, probed)).as("live invalidation after the outage").isTrue();
				logger.info("FAULT database stopped immediately under load for {} s: {} writes, {} answered 503"
						+ " meanwhile and retried, recovered {} s after the database restart, lost 0, duplicates 0",
						OUTAGE.toSeconds(), writes, refused, String.format("%.1f", recoverySeconds));
			}
		}
		finally {
			postgres.close();
		}
	}

	/**
	 * One entry of the manager's worker in the week the watcher follows; the same key for
	 * every attempt, so that it takes effect once.
	 */
	private static ApiClient.Response probe(ApiClient api, TestWorld world, String name) {
		String start = name.equals("during") ? "2026-11-16T09:00:00Z" : "2026-11-17T09:00:00Z";
		return api.post("/api/time-entries", world.worker, Map.of("projectId", world.projectId, "start", start, "end",
				java.time.Instant.parse(start).plusSeconds(1800).toString()), world.tenant + "-probe-" + name);
	}

	/** The server's ERROR log lines, each with the first lines of its stack trace. */
	private static String serverErrors(CapturedOutput output) {
		StringBuilder errors = new StringBuilder();
		int traceLines = 0;
		for (String line : output.getOut().split("\n")) {
			if (line.contains(" ERROR ")) {
				errors.append(line).append('\n');
				traceLines = 40;
			}
			else if (traceLines > 0 && (line.startsWith("\t") || line.startsWith("Caused by"))) {
				errors.append(line).append('\n');
				traceLines--;
			}
			else {
				traceLines = 0;
			}
		}
		return errors.toString();
	}

	private static boolean awaitPosition(BlockingQueue<JsonNode> messages, long position) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			JsonNode message = messages.poll(1, TimeUnit.SECONDS);
			if (message != null && message.path("position").asLong() >= position) {
				return true;
			}
		}
		return false;
	}

	/** SIGQUIT to the postmaster: PostgreSQL's immediate shutdown, no checkpoint. */
	private static void stopImmediately(Path data) throws Exception {
		long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
		Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
		ProcessHandle.of(pid).ifPresent((postmaster) -> postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).join());
	}

}
