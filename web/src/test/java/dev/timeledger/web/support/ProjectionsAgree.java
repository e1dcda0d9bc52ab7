package dev.timeledger.web.support;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares every projection answer a manager can read (weekly reports, timesheets,
 * project reports, the team week) with the {@link IndependentFold} of a tenant's events,
 * read consistent with a position.
 */
public final class ProjectionsAgree {

	private final ApiClient api;

	private final IndependentFold fold;

	private final String manager;

	private final String context;

	/**
	 * @param api the client of the server under test
	 * @param jdbc the server's database
	 * @param tenant the tenant to compare
	 * @param manager a manager's token of that tenant
	 * @param context what the assertion messages name (a seed, a scenario)
	 */
	public ProjectionsAgree(ApiClient api, JdbcClient jdbc, String tenant, String manager, String context) {
		this.api = api;
		this.fold = new IndependentFold(jdbc, tenant);
		this.manager = manager;
		this.context = context;
	}

	/**
	 * Asserts that the projections, once they include {@code position}, agree with the
	 * fold for every week of {@code users} and {@code weeks}, every project and the
	 * team's {@code teamWeek}.
	 */
	public void at(long position, Collection<String> users, Collection<String> weeks, String teamWeek) {
		Map<String, String> statuses = this.fold.statuses();
		Map<String, long[]> expected = new HashMap<>();
		this.fold.weekTotals()
			.forEach((row) -> expected.put(row.get("user_id") + "/" + row.get("week"), new long[] {
					((Number) row.get("seconds")).longValue(), ((Number) row.get("billable_seconds")).longValue() }));
		Map<String, Long> expectedPerProject = new HashMap<>();
		this.fold.projectWeekTotals()
			.forEach((row) -> expectedPerProject.put(
					row.get("user_id") + "/" + row.get("week") + "/" + row.get("project_id"),
					((Number) row.get("seconds")).longValue()));
		Set<String> sheets = new TreeSet<>(expected.keySet());
		for (String user : users) {
			for (String week : weeks) {
				sheets.add(user + "/" + week);
			}
		}
		for (String sheet : sheets) {
			weekAgrees(sheet, position, expected.getOrDefault(sheet, new long[2]), expectedPerProject,
					statuses.getOrDefault(sheet, "open"));
		}
		for (Map<String, Object> project : this.fold.projectTotals()) {
			projectAgrees(project, position);
		}
		Set<String> missing = new TreeSet<>(users);
		JsonNode team = read("/api/reports/team-weekly?week=" + teamWeek, position);
		for (JsonNode row : team.get("rows")) {
			String sheet = row.get("userId").asText() + "/" + teamWeek;
			assertThat(row.get("totalSeconds").asLong()).as(sheet + " team, " + this.context)
				.isEqualTo(expected.getOrDefault(sheet, new long[2])[0]);
			missing.remove(row.get("userId").asText());
		}
		assertThat(missing).as("workers missing from the team week, " + this.context).isEmpty();
	}

	private void weekAgrees(String sheet, long position, long[] totals, Map<String, Long> expectedPerProject,
			String status) {
		String[] parts = sheet.split("/");
		JsonNode report = read("/api/reports/weekly?user=" + parts[0] + "&week=" + parts[1], position);
		assertThat(report.get("totalSeconds").asLong()).as(sheet + " total, " + this.context).isEqualTo(totals[0]);
		assertThat(report.get("billableSeconds").asLong()).as(sheet + " billable, " + this.context)
			.isEqualTo(totals[1]);
		long dayTotal = 0;
		for (JsonNode day : report.get("days")) {
			dayTotal += day.get("seconds").asLong();
		}
		assertThat(dayTotal).as(sheet + " days, " + this.context).isEqualTo(totals[0]);
		for (JsonNode project : report.get("projects")) {
			assertThat(project.get("seconds").asLong()).as(sheet + " project, " + this.context)
				.isEqualTo(expectedPerProject.get(sheet + "/" + project.get("projectId").asText()));
		}
		assertThat(report.get("status").asText()).as(sheet + " status, " + this.context).isEqualTo(status);
		JsonNode timesheet = read("/api/timesheets/" + parts[0] + "/" + parts[1], position);
		assertThat(timesheet.get("totalSeconds").asLong()).as(sheet + " timesheet, " + this.context)
			.isEqualTo(totals[0]);
		assertThat(timesheet.get("status").asText()).as(sheet + " timesheet status, " + this.context).isEqualTo(status);
	}

	private void projectAgrees(Map<String, Object> project, long position) {
		JsonNode report = read("/api/reports/projects/" + project.get("project_id"), position);
		assertThat(report.get("totalSeconds").asLong()).as("project seconds, " + this.context)
			.isEqualTo(((Number) project.get("seconds")).longValue());
		assertThat(report.get("billableSeconds").asLong()).as("project billable, " + this.context)
			.isEqualTo(((Number) project.get("billable_seconds")).longValue());
		BigDecimal amount = BigDecimal.ZERO;
		for (JsonNode perCurrency : report.get("amounts")) {
			amount = amount.add(perCurrency.get("amount").decimalValue());
		}
		BigDecimal expected = (project.get("amount") != null) ? (BigDecimal) project.get("amount") : BigDecimal.ZERO;
		assertThat(amount).as("project amount, " + this.context).isEqualByComparingTo(expected);
	}

	private JsonNode read(String path, long position) {
		ApiClient.Response response = this.api
			.get(path + (path.contains("?") ? "&" : "?") + "consistentWith=" + position, this.manager);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		return response.json();
	}

}
