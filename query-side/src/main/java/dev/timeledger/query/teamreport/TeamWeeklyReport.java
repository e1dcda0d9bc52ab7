package dev.timeledger.query.teamreport;

import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's week for {@code GET /api/reports/team-weekly}: a row per member (everyone
 * with a timesheet or timer event in the tenant, also without time this week), by user
 * id.
 *
 * @param week the ISO week
 * @param rows the members' rows
 * @param totals the time of all members per day, Monday to Sunday
 * @param totalSeconds all time of the week
 * @param position the event position the report is complete up to
 */
public record TeamWeeklyReport(String week, List<Row> rows, List<Day> totals, long totalSeconds, long position) {

	/**
	 * One member's week.
	 *
	 * @param userId the member
	 * @param days the time per day, Monday to Sunday, each day in the zone its entries
	 * were recorded in
	 * @param totalSeconds all of the member's time of the week
	 * @param status open, submitted, approved, rejected or reopened
	 */
	public record Row(String userId, List<Day> days, long totalSeconds, String status) {
	}

	/**
	 * One day.
	 *
	 * @param date the date
	 * @param seconds the time on it
	 */
	public record Day(LocalDate date, long seconds) {
	}

}
