package dev.timeledger.web.support;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The totals a tenant's events add up to, computed from the event table with plain SQL
 * over the JSON payloads: no projection code, no Java event classes. The projections must
 * agree.
 */
public final class IndependentFold {

	private static final String LAST_STATE_OF_EACH_ENTRY = """
			WITH last AS (
			  SELECT DISTINCT ON (payload ->> 'entryId') payload_type, payload
			  FROM domain_event_entry
			  WHERE tenant_id = :tenant
			    AND payload_type IN ('TimeEntryRecorded', 'TimeEntryAmended', 'TimeEntryDeleted')
			  ORDER BY payload ->> 'entryId', global_index DESC
			), entry AS (
			  SELECT payload ->> 'userId' AS user_id, payload ->> 'week' AS week,
			         payload ->> 'projectId' AS project_id, (payload ->> 'durationSeconds')::bigint AS seconds,
			         (payload ->> 'billable')::boolean AS billable, (payload ->> 'start')::timestamptz AS start
			  FROM last WHERE payload_type <> 'TimeEntryDeleted'
			)
			""";

	private final JdbcClient jdbc;

	private final String tenant;

	public IndependentFold(JdbcClient jdbc, String tenant) {
		this.jdbc = jdbc;
		this.tenant = tenant;
	}

	/** Seconds and billable seconds per user and week. */
	public List<Map<String, Object>> weekTotals() {
		return this.jdbc.sql(LAST_STATE_OF_EACH_ENTRY + """
				SELECT user_id, week, sum(seconds) AS seconds,
				       sum(CASE WHEN billable THEN seconds ELSE 0 END) AS billable_seconds
				FROM entry GROUP BY user_id, week ORDER BY user_id, week""")
			.param("tenant", this.tenant)
			.query()
			.listOfRows();
	}

	/** Seconds per user, week and project. */
	public List<Map<String, Object>> projectWeekTotals() {
		return this.jdbc.sql(LAST_STATE_OF_EACH_ENTRY + """
				SELECT user_id, week, project_id, sum(seconds) AS seconds
				FROM entry GROUP BY user_id, week, project_id ORDER BY user_id, week, project_id""")
			.param("tenant", this.tenant)
			.query()
			.listOfRows();
	}

	/**
	 * Per project: seconds, billable seconds and the billable amount at the rate in force
	 * at each entry's start (the rate of ProjectCreated until the first
	 * ProjectRateChanged).
	 */
	public List<Map<String, Object>> projectTotals() {
		return this.jdbc.sql(LAST_STATE_OF_EACH_ENTRY + """
				, rate AS (
				  SELECT payload ->> 'projectId' AS project_id,
				         CASE WHEN payload_type = 'ProjectCreated' THEN timestamptz '1970-01-01 00:00:00+00'
				              ELSE (payload ->> 'effectiveFrom')::timestamptz END AS effective_from,
				         (payload ->> 'hourlyRate')::numeric AS amount, payload ->> 'currency' AS currency, global_index
				  FROM domain_event_entry
				  WHERE tenant_id = :tenant AND payload_type IN ('ProjectCreated', 'ProjectRateChanged')
				)
				SELECT entry.project_id, sum(seconds) AS seconds,
				       sum(CASE WHEN billable THEN seconds ELSE 0 END) AS billable_seconds,
				       round(sum(CASE WHEN billable THEN seconds * applied.amount / 3600 ELSE 0 END), 2) AS amount
				FROM entry
				LEFT JOIN LATERAL (
				  SELECT amount FROM rate
				  WHERE rate.project_id = entry.project_id AND rate.effective_from <= entry.start
				  ORDER BY effective_from DESC, global_index DESC LIMIT 1
				) applied ON true
				GROUP BY entry.project_id ORDER BY entry.project_id""")
			.param("tenant", this.tenant)
			.query()
			.listOfRows();
	}

	/** The status of every week that had a decision: the last one. */
	public Map<String, String> statuses() {
		return this.jdbc
			.sql("""
					SELECT DISTINCT ON (payload ->> 'userId', payload ->> 'week')
					       payload ->> 'userId' || '/' || (payload ->> 'week') AS sheet,
					       CASE payload_type WHEN 'TimesheetSubmitted' THEN 'submitted' WHEN 'TimesheetApproved' THEN 'approved'
					                         WHEN 'TimesheetRejected' THEN 'rejected' ELSE 'reopened' END AS status
					FROM domain_event_entry
					WHERE tenant_id = :tenant AND payload_type IN
					      ('TimesheetSubmitted', 'TimesheetApproved', 'TimesheetRejected', 'TimesheetReopened')
					ORDER BY payload ->> 'userId', payload ->> 'week', global_index DESC""")
			.param("tenant", this.tenant)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
