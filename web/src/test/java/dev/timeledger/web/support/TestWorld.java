package dev.timeledger.web.support;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh tenant with a manager, two workers and a project, for one test: tests never
 * share data, so they can run in any order against one database.
 */
public final class TestWorld {

	public final ApiClient api;

	public final String tenant = ApiClient.newTenant();

	public final String manager;

	public final String worker;

	public final String otherWorker;

	public final String projectId;

	private final JdbcClient jdbc;

	public TestWorld(ApiClient api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
		this.manager = api.token(this.tenant, "mia", "manager", "admin");
		this.worker = api.token(this.tenant, "walt", "worker");
		this.otherWorker = api.token(this.tenant, "olga", "worker");
		this.projectId = createProject("Apollo");
	}

	public String createProject(String name) {
		ApiClient.Response created = this.api.post("/api/projects", this.manager, Map.of("name", name));
		if (created.status() != 201) {
			throw new IllegalStateException("Project not created: " + created);
		}
		return created.json().get("projectId").asText();
	}

	public ApiClient.Response record(String token, String start, String end) {
		return this.api.post("/api/time-entries", token,
				Map.of("projectId", this.projectId, "start", start, "end", end));
	}

	public String recordEntry(String start, String end) {
		ApiClient.Response response = record(this.worker, start, end);
		if (response.status() != 201) {
			throw new IllegalStateException("Entry not recorded: " + response);
		}
		return response.json().get("entryId").asText();
	}

	/** Events stored for this test's tenant. */
	public long eventCount() {
		return this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE tenant_id = ?")
			.param(this.tenant)
			.query(Long.class)
			.single();
	}

	/** The payloads of this tenant's events of one type, oldest first. */
	public java.util.List<String> payloads(String type) {
		return this.jdbc
			.sql("SELECT payload::text FROM domain_event_entry WHERE tenant_id = ? AND payload_type = ?"
					+ " ORDER BY global_index")
			.params(this.tenant, type)
			.query(String.class)
			.list();
	}

	public static String at(String instant) {
		return Instant.parse(instant).toString();
	}

	public static boolean isProblem(ApiClient.Response response, int status, String code) {
		JsonNode body = response.json();
		return response.status() == status && code.equals(body.path("code").asText())
				&& response.header("Content-Type").startsWith("application/problem+json");
	}

}
