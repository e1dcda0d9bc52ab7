package dev.timeledger.query.projectreport;

import java.math.BigDecimal;
import java.util.List;

/**
 * A project's time for {@code GET /api/reports/projects/{projectId}}: totals per user,
 * per task and per week, and the billable amount. Each entry is priced at the rate in
 * force when it started; amounts are summed per currency and rounded half-up to cents
 * only at the end.
 *
 * @param projectId the project
 * @param name its name
 * @param from the first week included, or null
 * @param to the last week included, or null
 * @param totalSeconds all time on the project in these weeks
 * @param billableSeconds the billable part of it
 * @param amounts the billable amount per currency, by currency
 * @param byUser the totals per user, by user id
 * @param byTask the totals per task, by task; a null key is time without a task, last
 * @param byWeek the totals per week, by week
 * @param position the event position the report is complete up to
 */
public record ProjectReport(String projectId, String name, String from, String to, long totalSeconds,
		long billableSeconds, List<Amount> amounts, List<Total> byUser, List<Total> byTask, List<Total> byWeek,
		long position) {

	/**
	 * A sum of money.
	 *
	 * @param currency ISO 4217 code
	 * @param amount rounded half-up to two decimals
	 */
	public record Amount(String currency, BigDecimal amount) {
	}

	/**
	 * The time under one key.
	 *
	 * @param key the user id, task or week
	 * @param seconds all time
	 * @param billableSeconds the billable part
	 * @param amounts the billable amount per currency; empty when no rate priced it
	 */
	public record Total(String key, long seconds, long billableSeconds, List<Amount> amounts) {
	}

}
