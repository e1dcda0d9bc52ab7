package dev.timeledger.web.report;

import java.util.ArrayList;
import java.util.List;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Role;
import dev.timeledger.command.project.ProjectNotFound;
import dev.timeledger.query.audit.Workers;
import dev.timeledger.query.projectreport.FetchProjectReportLinesQuery;
import dev.timeledger.query.projectreport.FetchProjectReportQuery;
import dev.timeledger.query.projectreport.ProjectReport;
import dev.timeledger.query.projectreport.ProjectReportLines;
import dev.timeledger.query.teamreport.FetchTeamWeeklyReportQuery;
import dev.timeledger.query.teamreport.TeamWeeklyReport;
import dev.timeledger.query.weeklyreport.FetchWeeklyReportQuery;
import dev.timeledger.query.weeklyreport.WeeklyReport;
import dev.timeledger.web.command.CommandExecutor;
import dev.timeledger.web.security.Caller;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports of API.md, as JSON or CSV, each with the position it is complete up to. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

	private static final String WEEKLY = "weekly-report";

	private static final String TEAM_WEEKLY = "team-weekly-report";

	private static final String PROJECT = "project-report";

	private final QueryGateway queries;

	private final Consistency consistency;

	private final Workers workers;

	ReportController(QueryGateway queries, Consistency consistency, Workers workers) {
		this.queries = queries;
		this.consistency = consistency;
		this.workers = workers;
	}

	@GetMapping("/weekly")
	ResponseEntity<WeeklyReport> weekly(Caller caller, @RequestParam(defaultValue = "me") String user,
			@RequestParam String week, @RequestParam(required = false) Long consistentWith) {
		WeeklyReport report = weeklyReport(caller, user, week, consistentWith);
		return Positioned.answer(report, report.position());
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
		ReadAccess.requireWorker(this.workers, caller, userId);
		this.consistency.await(WEEKLY, consistentWith);
		return this.queries.query(new FetchWeeklyReportQuery(caller.tenantId(), userId, isoWeek), WeeklyReport.class)
			.join();
	}

	@GetMapping("/team-weekly")
	ResponseEntity<TeamWeeklyReport> teamWeekly(Caller caller, @RequestParam String week,
			@RequestParam(required = false) Long consistentWith) {
		TeamWeeklyReport report = teamWeeklyReport(caller, week, consistentWith);
		return Positioned.answer(report, report.position());
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

	@GetMapping("/projects/{projectId}")
	ResponseEntity<ProjectReport> project(Caller caller, @PathVariable String projectId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long consistentWith) {
		WeekRange weeks = projectWeeks(caller, from, to, consistentWith);
		ProjectReport report = this.queries
			.query(new FetchProjectReportQuery(caller.tenantId(), projectId, weeks.from(), weeks.to()),
					ResponseTypes.optionalInstanceOf(ProjectReport.class))
			.join()
			.orElseThrow(() -> new ProjectNotFound(projectId));
		return Positioned.answer(report, report.position());
	}

	@GetMapping(path = "/projects/{projectId}", produces = Csv.MEDIA_TYPE)
	ResponseEntity<String> projectCsv(Caller caller, @PathVariable String projectId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long consistentWith) {
		WeekRange weeks = projectWeeks(caller, from, to, consistentWith);
		ProjectReportLines report = this.queries
			.query(new FetchProjectReportLinesQuery(caller.tenantId(), projectId, weeks.from(), weeks.to()),
					ResponseTypes.optionalInstanceOf(ProjectReportLines.class))
			.join()
			.orElseThrow(() -> new ProjectNotFound(projectId));
		Csv csv = new Csv("week", "userId", "task", "seconds", "billableSeconds", "amount", "currency");
		report.lines()
			.forEach((line) -> csv.row(line.week(), line.userId(), line.task(), line.seconds(), line.billableSeconds(),
					line.amount(), line.currency()));
		return csv(csv, report.position(), "project-" + report.name());
	}

	private TeamWeeklyReport teamWeeklyReport(Caller caller, String week, Long consistentWith) {
		ReadAccess.requireAny(caller, Role.MANAGER);
		String isoWeek = ReadAccess.week(week);
		this.consistency.await(TEAM_WEEKLY, consistentWith);
		return this.queries.query(new FetchTeamWeeklyReportQuery(caller.tenantId(), isoWeek), TeamWeeklyReport.class)
			.join();
	}

	private WeekRange projectWeeks(Caller caller, String from, String to, Long consistentWith) {
		ReadAccess.requireAny(caller, Role.MANAGER, Role.ADMIN);
		WeekRange weeks = new WeekRange((from != null) ? ReadAccess.week(from) : null,
				(to != null) ? ReadAccess.week(to) : null);
		if (weeks.from() != null && weeks.to() != null && weeks.from().compareTo(weeks.to()) > 0) {
			throw new InvalidInput("from " + weeks.from() + " is after to " + weeks.to());
		}
		this.consistency.await(PROJECT, consistentWith);
		return weeks;
	}

	static ResponseEntity<String> csv(Csv csv, long position, String fileName) {
		return ResponseEntity.ok()
			.contentType(Csv.TYPE)
			.header(CommandExecutor.POSITION_HEADER, Long.toString(position))
			.header("Content-Disposition",
					"attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
			.body(csv.toString());
	}

	private record WeekRange(String from, String to) {
	}

}
