package dev.timeledger.query.projectreport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a project's time in one statement: each entry priced at the rate in force at its
 * start, grouped by the database. Amounts stay exact (seconds times rate) until a total
 * is divided by 3600 and rounded.
 */
final class ProjectReports {

	private static final String SQL = """
			WITH priced AS (
			  SELECT e.week, e.user_id, e.task, e.seconds, r.currency,
			    CASE WHEN e.billable THEN e.seconds ELSE 0 END AS billable_seconds,
			    CASE WHEN e.billable THEN e.seconds * r.amount END AS rated
			  FROM project_entry e
			  LEFT JOIN LATERAL (
			    SELECT rate.amount, rate.currency FROM project_rate rate
			    WHERE rate.version = :version AND rate.tenant_id = e.tenant_id AND rate.project_id = e.project_id
			      AND rate.effective_from <= e.start
			    ORDER BY rate.effective_from DESC LIMIT 1) r ON true
			  WHERE e.version = :version AND e.tenant_id = :tenant AND e.project_id = :project
			    AND (CAST(:from AS text) IS NULL OR e.week >= :from)
			    AND (CAST(:to AS text) IS NULL OR e.week <= :to))
			SELECT GROUPING(week, user_id, task) AS dimension, week, user_id, task, currency,
			  sum(seconds) AS seconds, sum(billable_seconds) AS billable_seconds, sum(rated) AS rated
			FROM priced
			GROUP BY GROUPING SETS (%s)
			ORDER BY dimension, week COLLATE "C", user_id COLLATE "C", task COLLATE "C" NULLS LAST,
			  currency COLLATE "C" NULLS LAST
			""";

	/**
	 * {@code GROUPING(week, user_id, task)} of each grouping set: a bit per rolled-up
	 * key.
	 */
	private static final int BY_LINE = 0;

	private static final int BY_WEEK = 3;

	private static final int BY_USER = 5;

	private static final int BY_TASK = 6;

	private static final int TOTAL = 7;

	private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

	private ProjectReports() {
	}

	static ProjectReport report(JdbcClient jdbc, int version, long position, FetchProjectReportQuery query,
			String name) {
		List<Group> groups = groups(jdbc, "(user_id, currency), (task, currency), (week, currency), (currency)",
				version, query.tenantId(), query.projectId(), query.fromWeek(), query.toWeek());
		Sum total = totals(groups, TOTAL, (group) -> "").getOrDefault("", new Sum());
		return new ProjectReport(query.projectId(), name, query.fromWeek(), query.toWeek(), total.seconds,
				total.billableSeconds, total.amounts(), list(totals(groups, BY_USER, Group::userId)),
				list(totals(groups, BY_TASK, Group::task)), list(totals(groups, BY_WEEK, Group::week)), position);
	}

	static ProjectReportLines lines(JdbcClient jdbc, int version, long position, FetchProjectReportLinesQuery query,
			String name) {
		List<ProjectReportLines.Line> lines = groups(jdbc, "(week, user_id, task, currency)", version, query.tenantId(),
				query.projectId(), query.fromWeek(), query.toWeek())
			.stream()
			.filter((group) -> group.dimension() == BY_LINE)
			.map((group) -> new ProjectReportLines.Line(group.week(), group.userId(), group.task(), group.seconds(),
					group.billableSeconds(),
					(group.currency() != null) ? money((group.rated() != null) ? group.rated() : BigDecimal.ZERO)
							: null,
					group.currency()))
			.toList();
		return new ProjectReportLines(query.projectId(), name, lines, position);
	}

	private static List<Group> groups(JdbcClient jdbc, String groupingSets, int version, String tenantId,
			String projectId, String fromWeek, String toWeek) {
		return jdbc.sql(SQL.formatted(groupingSets))
			.param("version", version)
			.param("tenant", tenantId)
			.param("project", projectId)
			.param("from", fromWeek)
			.param("to", toWeek)
			.query((rs, row) -> new Group(rs.getInt("dimension"), rs.getString("week"), rs.getString("user_id"),
					rs.getString("task"), rs.getString("currency"), rs.getLong("seconds"),
					rs.getLong("billable_seconds"), rs.getBigDecimal("rated")))
			.list();
	}

	/** Merges the currencies of each key of one grouping set, keeping the SQL order. */
	private static Map<String, Sum> totals(List<Group> groups, int dimension, Function<Group, String> key) {
		Map<String, Sum> sums = new LinkedHashMap<>();
		groups.stream()
			.filter((group) -> group.dimension() == dimension)
			.forEach((group) -> sums.computeIfAbsent(key.apply(group), (k) -> new Sum()).add(group));
		return sums;
	}

	private static List<ProjectReport.Total> list(Map<String, Sum> sums) {
		return sums.entrySet()
			.stream()
			.map((sum) -> new ProjectReport.Total(sum.getKey(), sum.getValue().seconds, sum.getValue().billableSeconds,
					sum.getValue().amounts()))
			.toList();
	}

	private static BigDecimal money(BigDecimal rated) {
		return rated.divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
	}

	private record Group(int dimension, String week, String userId, String task, String currency, long seconds,
			long billableSeconds, BigDecimal rated) {
	}

	private static final class Sum {

		private long seconds;

		private long billableSeconds;

		private final Map<String, BigDecimal> rated = new TreeMap<>();

		void add(Group group) {
			this.seconds += group.seconds();
			this.billableSeconds += group.billableSeconds();
			if (group.rated() != null) {
				this.rated.merge(group.currency(), group.rated(), BigDecimal::add);
			}
		}

		List<ProjectReport.Amount> amounts() {
			return this.rated.entrySet()
				.stream()
				.map((amount) -> new ProjectReport.Amount(amount.getKey(), money(amount.getValue())))
				.toList();
		}

	}

}
