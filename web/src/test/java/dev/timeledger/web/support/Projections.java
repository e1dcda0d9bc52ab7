package dev.timeledger.web.support;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What operators and tests see of the projections: their status and their rows. */
public final class Projections {

	/** The weekly report's tables, with every column but the version. */
	public static final Map<String, String> WEEKLY_REPORT_COLUMNS = Map.of("weekly_entry",
			"tenant_id, entry_id, user_id, week, project_id, task, description, start, end_at, seconds, billable, zone",
			"weekly_status", "tenant_id, user_id, week, status", "weekly_timer", "tenant_id, user_id, timer");

	private Projections() {
	}

	/** A projection's entry of {@code GET /api/admin/projections}. */
	public static JsonNode status(ApiClient api, String operator, String name) {
		for (JsonNode projection : api.get("/api/admin/projections", operator).json().get("projections")) {
			if (projection.get("name").asText().equals(name)) {
				return projection;
			}
		}
		throw new IllegalStateException("No projection " + name);
	}

	/** Whether every live projection has handled the events up to {@code position}. */
	public static boolean allAt(ApiClient api, String operator, long position) {
		for (JsonNode projection : api.get("/api/admin/projections", operator).json().get("projections")) {
			if (projection.get("position").asLong() < position) {
				return false;
			}
		}
		return true;
	}

	/** The rows of a weekly report table in one version. */
	public static long rows(JdbcClient jdbc, String table, int version) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE version = ?")
			.param(version)
			.query(Long.class)
			.single();
	}

	/**
	 * The rows of a weekly report table in version {@code minuend} that version
	 * {@code subtrahend} does not have.
	 */
	public static long difference(JdbcClient jdbc, String table, int minuend, int subtrahend) {
		String columns = WEEKLY_REPORT_COLUMNS.get(table);
		return jdbc
			.sql("SELECT count(*) FROM (SELECT " + columns + " FROM " + table + " WHERE version = ? EXCEPT SELECT "
					+ columns + " FROM " + table + " WHERE version = ?) difference")
			.params(minuend, subtrahend)
			.query(Long.class)
			.single();
	}

}
