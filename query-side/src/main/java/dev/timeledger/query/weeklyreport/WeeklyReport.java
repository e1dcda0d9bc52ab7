package dev.timeledger.query.weeklyreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.timeledger.query.timesheet.TimesheetDocument;

/**
 * A worker's week for {@code GET /api/reports/weekly}: time per day (Monday to Sunday, in
 * the zone each entry was recorded in), per project and task, the entries, the status and
 * the running timer.
 *
 * @param userId the worker
 * @param week the ISO week
 * @param status open, submitted, approved, rejected or reopened
 * @param days the seven days
 * @param totalSeconds all time of the week
 * @param billableSeconds the billable part of it
 * @param projects time per project, most first
 * @param entries the entries by start
 * @param runningTimer the worker's running timer if it started before the week ended, or
 * null
 * @param position the event position the report is complete up to
 */
public record WeeklyReport(String userId, String week, String status, List<Day> days, long totalSeconds,
		long billableSeconds, List<ProjectTotal> projects, List<TimesheetDocument.Entry> entries,
		RunningTimer runningTimer, long position) {

	/**
	 * One day.
	 *
	 * @param date the date
	 * @param seconds the time on it
	 */
	public record Day(LocalDate date, long seconds) {
	}

	/**
	 * The time on one project.
	 *
	 * @param projectId the project
	 * @param name its name
	 * @param seconds all time on it
	 * @param billableSeconds the billable part
	 * @param tasks time per task, most first; a null task is time without one
	 */
	public record ProjectTotal(String projectId, String name, long seconds, long billableSeconds,
			List<TaskTotal> tasks) {
	}

	/**
	 * The time on one task of a project.
	 *
	 * @param task the task, null for time without one
	 * @param seconds the time
	 */
	public record TaskTotal(String task, long seconds) {
	}

	/**
	 * A running timer.
	 *
	 * @param entryId the entry it will record
	 * @param projectId the project
	 * @param task the task
	 * @param description the description
	 * @param startedAt when it started; a client adds the time since
	 * @param zone the worker's zone
	 */
	public record RunningTimer(String entryId, String projectId, String task, String description, Instant startedAt,
			String zone) {
	}

}
