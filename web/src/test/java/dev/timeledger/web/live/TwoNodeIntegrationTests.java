package dev.timeledger.web.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.TimeLedgerApplication;
import dev.timeledger.web.embeddedpostgres.EmbeddedPostgresServer;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.StompTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL: a client on one node sees the changes commands
 * cause on the other, and a client that moves between nodes resumes without loss.
 */
class TwoNodeIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	private static EmbeddedPostgresServer postgres;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		postgres = EmbeddedPostgresServer.startEphemeral();
		String url = postgres.jdbcUrl("two_nodes_" + ProcessHandle.current().pid());
		Path keys = Files.createTempDirectory("two-nodes");
		nodeA = start(url, keys);
		nodeB = start(url, keys);
	}

	@AfterAll
	static void stopNodes() {
		nodeA.close();
		nodeB.close();
		postgres.close();
	}

	@Test
	void aClientOnOneNode_seesChangesMadeOnTheOther_andResumesOnTheOtherNode() throws Exception {
		ApiClient apiA = new ApiClient(port(nodeA));
		ApiClient apiB = new ApiClient(port(nodeB));
		String tenant = ApiClient.newTenant();
		String manager = apiB.token(tenant, "mia", "manager", "worker");
		String projectId = project(apiB, manager, "Apollo");
		String destination = "/topic/tenants/" + tenant + "/weekly-reports/mia/2026-W47";

		long last;
		try (StompTestClient onA = StompTestClient.connect(port(nodeA), apiA.token(tenant, "mia", "manager"))) {
			BlockingQueue<JsonNode> messages = onA.subscribe(destination, null);
			Thread.sleep(300);
			long written = record(apiB, manager, projectId, "2026-11-16T09:00:00Z");
			JsonNode message = StompTestClient.next(messages, WAIT);
			assertThat(message).as("change made on node B, seen on node A").isNotNull();
			assertThat(message.get("position").asLong()).isEqualTo(written);
			last = written;
		}

		List<Long> missed = new ArrayList<>();
		missed.add(record(apiA, manager, projectId, "2026-11-17T09:00:00Z"));
		missed.add(record(apiB, manager, projectId, "2026-11-18T09:00:00Z"));

		try (StompTestClient onB = StompTestClient.connect(port(nodeB), manager)) {
			BlockingQueue<JsonNode> messages = onB.subscribe(destination, last);
			assertThat(StompTestClient.next(messages, WAIT).get("position").asLong()).isEqualTo(missed.get(0));
			assertThat(StompTestClient.next(messages, WAIT).get("position").asLong()).isEqualTo(missed.get(1));
			long live = record(apiA, manager, projectId, "2026-11-19T09:00:00Z");
			assertThat(StompTestClient.next(messages, WAIT).get("position").asLong()).isEqualTo(live);
			assertThat(StompTestClient.next(messages, Duration.ofMillis(500))).isNull();
		}
		JsonNode onA = apiA.get("/api/reports/weekly?week=2026-W47&consistentWith=" + missed.get(1), manager).json();
		assertThat(onA.get("totalSeconds").asLong()).isEqualTo(4 * 3600);
	}

	@Test
	void aClientReconnectingAfterARestart_getsExactlyTheChangesMadeWhileTheNodeWasDown() throws Exception {
		ApiClient apiB = new ApiClient(port(nodeB));
		String tenant = ApiClient.newTenant();
		String manager = apiB.token(tenant, "rhea", "manager", "worker");
		String projectId = project(apiB, manager, "Gemini");
		String destination = "/topic/tenants/" + tenant + "/weekly-reports/rhea/2026-W47";

		long last;
		try (StompTestClient onA = StompTestClient.connect(port(nodeA), manager)) {
			BlockingQueue<JsonNode> messages = onA.subscribe(destination, null);
			Thread.sleep(300);
			last = record(apiB, manager, projectId, "2026-11-16T09:00:00Z");
			assertThat(StompTestClient.next(messages, WAIT).get("position").asLong()).isEqualTo(last);
		}
		nodeA.close();
		List<Long> missed = new ArrayList<>();
		missed.add(record(apiB, manager, projectId, "2026-11-17T09:00:00Z"));
		missed.add(record(apiB, manager, projectId, "2026-11-18T09:00:00Z"));
		nodeA = start(nodeB.getEnvironment().getProperty("spring.datasource.url"),
				Path.of(nodeB.getEnvironment().getProperty("timeledger.data-dir")));

		try (StompTestClient onA = StompTestClient.connect(port(nodeA), manager)) {
			BlockingQueue<JsonNode> messages = onA.subscribe(destination, last);
			assertThat(StompTestClient.next(messages, WAIT).get("position").asLong()).isEqualTo(missed.get(0));
			assertThat(StompTestClient.next(messages, WAIT).get("position").asLong()).isEqualTo(missed.get(1));
			assertThat(StompTestClient.next(messages, Duration.ofMillis(500))).as("nothing else").isNull();
		}
	}

	@Test
	void eachNodeDecidesOnTheLatestState_evenWithTheAggregateInItsMemory() {
		ApiClient apiA = new ApiClient(port(nodeA));
		ApiClient apiB = new ApiClient(port(nodeB));
		String tenant = ApiClient.newTenant();
		String worker = apiA.token(tenant, "tara", "manager", "worker");
		String projectId = project(apiA, worker, "Mercury");

		assertThat(apiA
			.post("/api/time-entries/start", worker, Map.of("projectId", projectId, "at", "2026-11-16T09:00:00Z"))
			.status()).isEqualTo(201);
		ApiClient.Response stopped = apiB.post("/api/time-entries/stop", worker, Map.of("at", "2026-11-16T09:30:00Z"));
		assertThat(stopped.status()).as("stopped on node B: " + stopped.body()).isEqualTo(200);
		ApiClient.Response again = apiA.post("/api/time-entries/start", worker,
				Map.of("projectId", projectId, "at", "2026-11-16T10:00:00Z"));
		assertThat(again.status()).as("node A knows the timer was stopped: " + again.body()).isEqualTo(201);
		ApiClient.Response twice = apiB.post("/api/time-entries/start", worker,
				Map.of("projectId", projectId, "at", "2026-11-16T10:05:00Z"));
		assertThat(twice.code()).as("node B knows it runs again").isEqualTo("timer-already-running");
	}

	private static String project(ApiClient api, String token, String name) {
		return api.post("/api/projects", token, Map.of("name", name)).json().get("projectId").asText();
	}

	private static long record(ApiClient api, String token, String projectId, String start) {
		java.time.Instant from = java.time.Instant.parse(start);
		return api
			.post("/api/time-entries", token,
					Map.of("projectId", projectId, "start", start, "end", from.plusSeconds(3600).toString()))
			.position();
	}

	private static ConfigurableApplicationContext start(String url, Path dataDir) {
		return new SpringApplicationBuilder(TimeLedgerApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--timeledger.data-dir=" + dataDir, "--logging.level.root=WARN");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
