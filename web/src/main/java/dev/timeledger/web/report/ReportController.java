package dev.timeledger.web.report;

import java.util.ArrayList;
import java.util.List;

import dev.timeledger.command.Role;
import dev.timeledger.query.teamreport.FetchTeamWeeklyReportQuery;
import dev.timeledger.query.teamreport.TeamWeeklyReport;
import dev.timeledger.query.weeklyreport.FetchWeeklyReportQuery;
import dev.timeledger.query.weeklyreport.WeeklyReport;
import dev.timeledger.web.command.CommandExecutor;
import dev.timeledger.web.security.Caller;
import org.axonframework.queryhandling.QueryGateway;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports of API.md, as JSON or CSV, each with the position it is complete up to. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

	private static final String WEEKLY = "weekly-report";

	private static final String TEAM_WEEKLY = "team-weekly-report";

	private final QueryGateway queries;

	private final Consistency consistency;

	ReportController(QueryGateway queries, Consistency consistency) {
		this.queries = queries;
		this.consistency = consistency;
	}

	@GetMapping("/weekly")
	ResponseEntity<WeeklyReport> weekly(Caller caller, @RequestParam(defaultValue = "me") String user,
			@RequestParam String week, @RequestParam(required = false) Long consistentWith) {
		WeeklyReport report = weeklyReport(caller, user, week, consistentWith);
		return ResponseEntity.ok()
			.header(CommandExecutor.POSITION_HEADER, Long.toString(report.position()))
			.body(report);
	}

	@GetMapping(path = "/weekly", produces = Csv.MEDIA_TYPE)
	ResponseEntity<String> weeklyCsv(Caller caller, @RequestParam(defaultValue = "me") String user,
			@RequestParam String week, @RequestParam(required = false) Long consistentWith) {
		WeeklyReport report = weeklyReport(caller, user, week, consistentWith);
		Csv csv = new Csv("userId", "week", "entryId", "projectId", "project", "task", "description", "start", "end",
				"seconds", "billable");
		java.util.Map<String, String> names = new java.util.HashMap<>();
		report.projects().forEach((project) -> names.put(project.projectId(), project.name()));
		report.entries()
			.forEach((entry) -> csv.row(report.userId(), report.week(), entry.entryId(), entry.projectId(),
					names.get(entry.projectId()), entry.task(), entry.description(), entry.start(), entry.end(),
					entry.seconds(), entry.billable()));
		return csv(csv, report.position(), "weekly-" + report.userId() + "-" + report.week());
	}

	private WeeklyReport weeklyReport(Caller caller, String user, String week, Long consistentWith) {
		String userId = caller.resolve(user);
		ReadAccess.requireOwnerOrManager(caller, userId);
		String isoWeek = ReadAccess.week(week);
		this.consistency.await(WEEKLY, consistentWith);
		return this.queries.query(new FetchWeeklyReportQuery(caller.tenantId(), userId, isoWeek), WeeklyReport.class)
			.join();
	}

	@GetMapping("/team-weekly")
	ResponseEntity<TeamWeeklyReport> teamWeekly(Caller caller, @RequestParam String week,
			@RequestParam(required = false) Long consistentWith) {
		TeamWeeklyReport report = teamWeeklyReport(caller, week, consistentWith);
		return ResponseEntity.ok()
			.header(CommandExecutor.POSITION_HEADER, Long.toString(report.position()))
			.body(report);
	}

	@GetMapping(path = "/team-weekly", produces = Csv.MEDIA_TYPE)
	ResponseEntity<String> teamWeeklyCsv(Caller caller, @RequestParam String week,
			@RequestParam(required = false) Long consistentWith) {
		TeamWeeklyReport report = teamWeeklyReport(caller, week, consistentWith);
		List<String> header = new ArrayList<>(List.of("userId", "status"));
		report.totals().forEach((day) -> header.add(day.date().toString()));
		header.add("totalSeconds");
		Csv csv = new Csv(header.toArray(String[]::new));
		report.rows().forEach((row) -> {
			List<Object> cells = new ArrayList<>(List.of(row.userId(), row.status()));
			row.days().forEach((day) -> cells.add(day.seconds()));
			cells.add(row.totalSeconds());
			csv.row(cells);
		});
		return csv(csv, report.position(), "team-weekly-" + report.week());
	}

	private TeamWeeklyReport teamWeeklyReport(Caller caller, String week, Long consistentWith) {
		ReadAccess.requireAny(caller, Role.MANAGER);
		String isoWeek = ReadAccess.week(week);
		this.consistency.await(TEAM_WEEKLY, consistentWith);
		return this.queries.query(new FetchTeamWeeklyReportQuery(caller.tenantId(), isoWeek), TeamWeeklyReport.class)
			.join();
	}

	static ResponseEntity<String> csv(Csv csv, long position, String fileName) {
		return ResponseEntity.ok()
			.contentType(Csv.TYPE)
			.header(CommandExecutor.POSITION_HEADER, Long.toString(position))
			.header("Content-Disposition",
					"attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
			.body(csv.toString());
	}

}
