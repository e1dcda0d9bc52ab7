package dev.timeledger.web.security;

import java.util.Map;

import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.IntegrationTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Another tenant's ids answer 404 everywhere and change nothing. */
@IntegrationTest
class TenantIsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestWorld home;

	TestWorld foreign;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.home = new TestWorld(this.api, this.jdbc);
		this.foreign = new TestWorld(this.api, this.jdbc);
	}

	@Test
	void foreignProjects_answer404_forReadsChangesAndTracking() {
		long homeEvents = this.home.eventCount();
		long foreignEvents = this.foreign.eventCount();
		String foreignProject = "/api/projects/" + this.foreign.projectId;

		assertThat(TestWorld.isProblem(this.api.get(foreignProject, this.home.worker), 404, "project-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.patch(foreignProject, this.home.manager, Map.of("name", "mine")), 404,
				"project-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.post("/api/time-entries/start", this.home.worker, Map.of("projectId", this.foreign.projectId)),
				404, "project-not-found"))
			.isTrue();
		assertThat(
				TestWorld.isProblem(
						this.api.post("/api/time-entries", this.home.worker, Map.of("projectId", this.foreign.projectId,
								"start", "2026-11-16T09:00:00Z", "end", "2026-11-16T10:00:00Z")),
						404, "project-not-found"))
			.isTrue();
		assertThat(this.api.get("/api/projects", this.home.worker).json().get("projects"))
			.extracting((project) -> project.get("projectId").asText())
			.containsExactly(this.home.projectId);
		assertThat(this.home.eventCount()).isEqualTo(homeEvents);
		assertThat(this.foreign.eventCount()).isEqualTo(foreignEvents);
	}

	@Test
	void foreignEntriesAndTimesheets_answer404() {
		String foreignEntry = this.foreign.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.api.post("/api/timesheets/me/2026-W47/submission", this.foreign.worker, null);
		long foreignEvents = this.foreign.eventCount();

		assertThat(TestWorld.isProblem(this.api.delete("/api/time-entries/" + foreignEntry, this.home.worker), 404,
				"entry-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.put("/api/time-entries/" + foreignEntry, this.home.worker, Map.of("projectId",
						this.home.projectId, "start", "2026-11-16T09:00:00Z", "end", "2026-11-16T10:00:00Z")),
				404, "entry-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.post("/api/timesheets/walt/2026-W47/approval", this.home.manager, Map.of()), 404,
				"timesheet-not-found"))
			.isTrue();
		assertThat(TestWorld.isProblem(
				this.api.post("/api/timesheets/walt/2026-W47/annotations", this.home.manager, Map.of("text", "peek")),
				404, "timesheet-not-found"))
			.isTrue();
		assertThat(this.foreign.eventCount()).isEqualTo(foreignEvents);
	}

}
