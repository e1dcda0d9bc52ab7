package dev.timeledger.query.projectreport;

import java.math.BigDecimal;
import java.util.List;

/**
 * A project's time per week, user and task, for the CSV form of the project report.
 *
 * @param projectId the project
 * @param name its name
 * @param lines the lines by week, user and task
 * @param position the event position the lines are complete up to
 */
public record ProjectReportLines(String projectId, String name, List<Line> lines, long position) {

	/**
	 * The time of one user on one task in one week that was priced in one currency. Time
	 * priced in another currency (the rate changed within the week) is another line.
	 *
	 * @param week the ISO week
	 * @param userId the user
	 * @param task the task, null for time without one
	 * @param seconds all time
	 * @param billableSeconds the billable part
	 * @param amount the billable amount, rounded half-up to two decimals; null when no
	 * rate was in force
	 * @param currency the rate's currency; null when no rate was in force
	 */
	public record Line(String week, String userId, String task, long seconds, long billableSeconds, BigDecimal amount,
			String currency) {
	}

}
