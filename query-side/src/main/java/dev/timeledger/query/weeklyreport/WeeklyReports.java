package dev.timeledger.query.weeklyreport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.timeledger.events.IsoWeek;
import dev.timeledger.query.timesheet.TimesheetDocument;

/** Sums a week's entries into the report's days, projects and tasks. */
final class WeeklyReports {

	private WeeklyReports() {
	}

	static WeeklyReport of(String userId, TimesheetDocument document, Map<String, String> projectNames,
			WeeklyReport.RunningTimer timer, long position) {
		List<TimesheetDocument.Entry> entries = document.entries();
		long[] perDay = new long[7];
		entries.forEach((entry) -> {
			for (int day = 0; day < 7; day++) {
				perDay[day] += entry.days()[day];
			}
		});
		List<WeeklyReport.Day> days = new ArrayList<>();
		for (int day = 0; day < 7; day++) {
			days.add(new WeeklyReport.Day(IsoWeek.parse(document.week()).monday().plusDays(day), perDay[day]));
		}
		return new WeeklyReport(userId, document.week(), document.status(), days,
				entries.stream().mapToLong(TimesheetDocument.Entry::seconds).sum(),
				entries.stream()
					.filter(TimesheetDocument.Entry::billable)
					.mapToLong(TimesheetDocument.Entry::seconds)
					.sum(),
				projects(entries, projectNames), entries, timer, position);
	}

	private static List<WeeklyReport.ProjectTotal> projects(List<TimesheetDocument.Entry> entries,
			Map<String, String> projectNames) {
		Map<String, List<TimesheetDocument.Entry>> byProject = entries.stream()
			.collect(
					Collectors.groupingBy(TimesheetDocument.Entry::projectId, LinkedHashMap::new, Collectors.toList()));
		return byProject.entrySet().stream().map((project) -> {
			List<TimesheetDocument.Entry> onProject = project.getValue();
			Map<String, Long> byTask = new LinkedHashMap<>();
			onProject.forEach(
					(entry) -> byTask.merge(Objects.requireNonNullElse(entry.task(), ""), entry.seconds(), Long::sum));
			List<WeeklyReport.TaskTotal> tasks = byTask.entrySet()
				.stream()
				.map((task) -> new WeeklyReport.TaskTotal(task.getKey().isEmpty() ? null : task.getKey(),
						task.getValue()))
				.sorted(Comparator.comparingLong(WeeklyReport.TaskTotal::seconds).reversed())
				.toList();
			return new WeeklyReport.ProjectTotal(project.getKey(), projectNames.get(project.getKey()),
					onProject.stream().mapToLong(TimesheetDocument.Entry::seconds).sum(),
					onProject.stream()
						.filter(TimesheetDocument.Entry::billable)
						.mapToLong(TimesheetDocument.Entry::seconds)
						.sum(),
					tasks);
		}).sorted(Comparator.comparingLong(WeeklyReport.ProjectTotal::seconds).reversed()).toList();
	}

}
