package dev.timeledger.web.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.ProjectionsAgree;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of random commands (timers, manual entries, amendments across weeks and
 * projects, deletions, submissions, rejections, reopenings, approvals), then every
 * projection answer is compared with an independent SQL fold of the event table.
 */
class RandomizedProjectionIntegrationTests extends ApiTest {

	private static final Logger logger = LoggerFactory.getLogger(RandomizedProjectionIntegrationTests.class);

	private static final Instant FIRST_MONDAY = Instant.parse("2026-10-26T00:00:00Z");

	private static final List<String> WEEKS = List.of("2026-W44", "2026-W45", "2026-W46");

	private static final int COMMANDS = 400;

	@Test
	void randomCommands_leaveProjectionsEqualToTheIndependentFold() {
		long seed = System.nanoTime();
		logger.info("Randomized projection test seed: {}", seed);
		Random random = new Random(seed);
		Workers workers = new Workers();
		String secondProject = this.world.createProject("Gemini");
		this.api.patch("/api/projects/" + secondProject, this.world.manager,
				Map.of("hourlyRate", Map.of("amount", 80, "currency", "EUR", "effectiveFrom", "2026-11-04T00:00:00Z")));
		List<String> projects = List.of(this.world.projectId, secondProject);
		long last = 0;
		int accepted = 0;
		for (int i = 0; i < COMMANDS; i++) {
			Response response = step(random, workers, projects);
			if (response.status() / 100 == 2) {
				accepted++;
				last = Math.max(last, response.position());
			}
		}
		logger.info("{} of {} random commands were accepted (seed {})", accepted, COMMANDS, seed);
		assertThat(accepted).as("seed " + seed).isGreaterThan(COMMANDS / 4);

		new ProjectionsAgree(this.api, this.jdbc, this.world.tenant, this.world.manager, "seed " + seed).at(last,
				workers.names, WEEKS, WEEKS.get(1));
	}

	private Response step(Random random, Workers workers, List<String> projects) {
		int worker = random.nextInt(workers.tokens.size());
		String token = workers.tokens.get(worker);
		String user = workers.names.get(worker);
		String week = WEEKS.get(random.nextInt(WEEKS.size()));
		Instant start = FIRST_MONDAY.plusSeconds(3600L * (random.nextInt(21 * 24)));
		long length = 900L * (1 + random.nextInt(12));
		String project = projects.get(random.nextInt(projects.size()));
		int choice = random.nextInt(100);
		if (choice < 30) {
			return record(token, workers.entries.get(worker), project, start, length, random);
		}
		if (choice < 45 && !workers.entries.get(worker).isEmpty()) {
			String entryId = workers.entries.get(worker).get(random.nextInt(workers.entries.get(worker).size()));
			return this.api.put("/api/time-entries/" + entryId, token, Map.of("projectId", project, "start",
					start.toString(), "end", start.plusSeconds(length).toString(), "billable", random.nextBoolean()));
		}
		if (choice < 52 && !workers.entries.get(worker).isEmpty()) {
			String entryId = workers.entries.get(worker).remove(random.nextInt(workers.entries.get(worker).size()));
			return this.api.delete("/api/time-entries/" + entryId, token);
		}
		if (choice < 62) {
			this.api.post("/api/time-entries/start", token,
					Map.of("projectId", project, "task", "t" + random.nextInt(3), "at", start.toString()));
			Response stopped = this.api.post("/api/time-entries/stop", token,
					Map.of("at", start.plusSeconds(length).toString()));
			if (stopped.status() == 200) {
				stopped.json()
					.get("entries")
					.forEach((entry) -> workers.entries.get(worker).add(entry.get("entryId").asText()));
			}
			else {
				this.api.delete("/api/time-entries/running", token);
			}
			return stopped;
		}
		String sheet = "/api/timesheets/" + user + "/" + week;
		if (choice < 74) {
			return this.api.post("/api/timesheets/me/" + week + "/submission", token, null);
		}
		if (choice < 82) {
			return this.api.post(sheet + "/approval", this.world.manager, Map.of("comment", "ok"));
		}
		if (choice < 90) {
			return this.api.post(sheet + "/rejection", this.world.manager, Map.of("reason", "check"));
		}
		if (choice < 95) {
			return this.api.post(sheet + "/reopening", this.world.manager, Map.of("reason", "fix"));
		}
		return this.api.post(sheet + "/annotations", this.world.manager, Map.of("text", "note"));
	}

	private Response record(String token, List<String> entries, String project, Instant start, long length,
			Random random) {
		Map<String, Object> body = new HashMap<>(Map.of("projectId", project, "start", start.toString(), "end",
				start.plusSeconds(length).toString(), "task", "t" + random.nextInt(3)));
		if (random.nextBoolean()) {
			body.put("billable", random.nextBoolean());
		}
		Response response = this.api.post("/api/time-entries", token, body);
		if (response.status() == 201) {
			entries.add(response.json().get("entryId").asText());
		}
		return response;
	}

	/** Three workers with the ids of their entries. */
	private final class Workers {

		final List<String> names = List.of("walt", "olga", "ivan");

		final List<String> tokens;

		final List<List<String>> entries = new ArrayList<>();

		Workers() {
			String ivan = RandomizedProjectionIntegrationTests.this.api
				.token(RandomizedProjectionIntegrationTests.this.world.tenant, "ivan", "worker");
			this.tokens = List.of(RandomizedProjectionIntegrationTests.this.world.worker,
					RandomizedProjectionIntegrationTests.this.world.otherWorker, ivan);
			this.tokens.forEach((token) -> this.entries.add(new ArrayList<>()));
		}

	}

}
