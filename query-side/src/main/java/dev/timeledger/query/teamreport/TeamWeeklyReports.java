package dev.timeledger.query.teamreport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.timeledger.events.IsoWeek;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a team week: every member with the sums of its entries of that week, in one
 * statement.
 */
final class TeamWeeklyReports {

	private static final String SQL = """
			SELECT m.user_id, coalesce(s.status, 'open') AS status, %s
			FROM team_member m
			LEFT JOIN team_entry e ON e.version = :version AND e.tenant_id = m.tenant_id AND e.week = :week
			  AND e.user_id = m.user_id
			LEFT JOIN team_status s ON s.version = :version AND s.tenant_id = m.tenant_id AND s.week = :week
			  AND s.user_id = m.user_id
			WHERE m.version = :version AND m.tenant_id = :tenant
			GROUP BY m.user_id, s.status
			ORDER BY m.user_id COLLATE "C"
			""".formatted(TeamWeeklyReportProjection.DAYS.stream()
		.map((day) -> "coalesce(sum(e." + day + "), 0)")
		.collect(Collectors.joining(", ")));

	private TeamWeeklyReports() {
	}

	static TeamWeeklyReport read(JdbcClient jdbc, int version, long position, String tenantId, String week) {
		LocalDate monday = IsoWeek.parse(week).monday();
		List<TeamWeeklyReport.Row> rows = jdbc.sql(SQL)
			.param("version", version)
			.param("week", week)
			.param("tenant", tenantId)
			.query((rs, index) -> row(rs, monday))
			.list();
		List<TeamWeeklyReport.Day> totals = new ArrayList<>();
		for (int day = 0; day < 7; day++) {
			int index = day;
			totals.add(new TeamWeeklyReport.Day(monday.plusDays(day),
					rows.stream().mapToLong((row) -> row.days().get(index).seconds()).sum()));
		}
		return new TeamWeeklyReport(week, rows, totals,
				rows.stream().mapToLong(TeamWeeklyReport.Row::totalSeconds).sum(), position);
	}

	private static TeamWeeklyReport.Row row(ResultSet rs, LocalDate monday) throws SQLException {
		List<TeamWeeklyReport.Day> days = new ArrayList<>();
		long total = 0;
		for (int day = 0; day < 7; day++) {
			long seconds = rs.getLong(3 + day);
			days.add(new TeamWeeklyReport.Day(monday.plusDays(day), seconds));
			total += seconds;
		}
		return new TeamWeeklyReport.Row(rs.getString("user_id"), days, total, rs.getString("status"));
	}

}
