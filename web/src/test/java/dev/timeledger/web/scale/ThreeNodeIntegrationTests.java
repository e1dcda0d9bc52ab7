package dev.timeledger.web.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.embeddedpostgres.EmbeddedPostgresServer;
import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ChildServer;
import dev.timeledger.web.support.Projections;
import dev.timeledger.web.support.StompTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three nodes on one PostgreSQL, each projection in three segments and each node claiming
 * at most two: the segments spread over the nodes, clients on every node are served
 * whatever node takes the command, and when the busiest node is killed the others take
 * over its segments once its claims time out.
 */
class ThreeNodeIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(ThreeNodeIntegrationTests.class);

	private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);

	private static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.startEphemeral();

	@AfterAll
	static void releasePostgres() {
		POSTGRES.close();
	}

	@Test
	void segmentsSpreadOverTheNodes_clientsOnEveryNodeAreServed_andAKilledNodesSegmentsMove() throws Exception {
		String url = POSTGRES.jdbcUrl(EmbeddedPostgresServer.uniqueDatabaseName("three_nodes"));
		JdbcClient jdbc = JdbcClient
			.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
		List<String> arguments = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--timeledger.data-dir=" + ChildServer.logs("three-nodes").resolve("data").toAbsolutePath(),
				"--timeledger.projections.segments=3", "--timeledger.projections.threads=2",
				"--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
				"--logging.level.root=WARN");
		List<ChildServer> nodes = new ArrayList<>();
		try {
			List<ApiClient> apis = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				ChildServer node = new ChildServer(ChildServer.logs("three-nodes"), arguments);
				nodes.add(node);
				apis.add(node.start());
			}
			String tenant = ApiClient.newTenant();
			String manager = apis.get(0).token(tenant, "mia", "manager", "worker", "operator");
			String projectId = apis.get(1)
				.post("/api/projects", manager, Map.of("name", "Apollo"))
				.json()
				.get("projectId")
				.asText();
			await().atMost(Duration.ofSeconds(60)).until(() -> owners(jdbc).size() >= 2);
			Map<String, Set<String>> before = segmentsByOwner(jdbc);
			assertThat(before).as("segments of every processor, by node").hasSizeGreaterThanOrEqualTo(2);

			String destination = "/topic/tenants/" + tenant + "/team-weekly-reports/2026-W47";
			List<StompTestClient> clients = new ArrayList<>();
			List<BlockingQueue<JsonNode>> queues = new ArrayList<>();
			try {
				for (ChildServer node : nodes) {
					StompTestClient client = StompTestClient.connect(node.port(), manager);
					clients.add(client);
					queues.add(client.subscribe(destination, null));
				}
				Thread.sleep(300);
				for (int i = 0; i < 3; i++) {
					long written = record(apis.get(i), manager, projectId, i);
					for (int client = 0; client < 3; client++) {
						assertThat(awaitPosition(queues.get(client), written))
							.as("a change made on node %d, seen by the client of node %d", i, client)
							.isTrue();
					}
				}

				ChildServer busiest = nodes.stream()
					.max((a, b) -> Integer.compare(claimed(before, a), claimed(before, b)))
					.orElseThrow();
				int index = nodes.indexOf(busiest);
				int moved = claimed(before, busiest);
				long killed = System.nanoTime();
				busiest.kill();
				List<Integer> survivors = new ArrayList<>(List.of(0, 1, 2));
				survivors.remove(Integer.valueOf(index));
				long written = record(apis.get(survivors.get(0)), manager, projectId, 3);
				await().atMost(Duration.ofSeconds(60))
					.until(() -> Projections.allAt(apis.get(survivors.get(1)), manager, written));
				double failoverSeconds = (System.nanoTime() - killed) / 1e9;
				for (int client : survivors) {
					assertThat(awaitPosition(queues.get(client), written))
						.as("the client of node %d after the failover", client)
						.isTrue();
				}
				Set<String> owners = owners(jdbc);
				assertThat(owners).as("no segment left with the killed node").doesNotContain(owner(busiest));
				logger.info(
						"SCALE three nodes: segments by node {}; node {} killed with {} segments, the others"
								+ " caught up {} s later (claim timeout {} s)",
						before, index, moved, String.format("%.1f", failoverSeconds), CLAIM_TIMEOUT.toSeconds());
			}
			finally {
				clients.forEach(StompTestClient::close);
			}
		}
		finally {
			nodes.forEach(ChildServer::close);
		}
	}

	private static long record(ApiClient api, String token, String projectId, int hour) {
		Instant start = Instant.parse("2026-11-16T09:00:00Z").plus(Duration.ofHours(hour));
		ApiClient.Response response = api.post("/api/time-entries", token,
				Map.of("projectId", projectId, "start", start.toString(), "end", start.plusSeconds(1800).toString()));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.position();
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

	/** The nodes that hold a claim on a live projection segment. */
	private static Set<String> owners(JdbcClient jdbc) {
		return new TreeSet<>(segmentsByOwner(jdbc).keySet());
	}

	/** Each node's claimed segments, as {@code processor/segment}. */
	private static Map<String, Set<String>> segmentsByOwner(JdbcClient jdbc) {
		Map<String, Set<String>> owners = new java.util.TreeMap<>();
		jdbc.sql("SELECT owner, processor_name || '/' || segment FROM token_entry WHERE owner IS NOT NULL")
			.query((rs) -> {
				owners.computeIfAbsent(rs.getString(1), (owner) -> new TreeSet<>()).add(rs.getString(2));
			});
		return owners;
	}

	private static int claimed(Map<String, Set<String>> owners, ChildServer node) {
		return owners.getOrDefault(owner(node), Set.of()).size();
	}

	private static String owner(ChildServer node) {
		return node.pid() + "@" + hostName();
	}

	private static String hostName() {
		String jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
		return jvm.substring(jvm.indexOf('@') + 1);
	}

}
