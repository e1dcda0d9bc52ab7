package dev.timeledger.web.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes N realistic events straight into the event table with one SQL statement: ten
 * tenants, a project each, and per worker a stream of recorded entries, amendments and
 * weekly submissions and approvals, with valid aggregate sequences and JSON payloads.
 * Shared with the benchmarks in ops through the test jar.
 */
public final class EventSeeder {

	private static final int WORKERS = 1000;

	private EventSeeder() {
	}

	public static long seed(JdbcClient jdbc, int events) {
		jdbc.sql(
				"""
						INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
						  payload_type, payload_revision, payload, meta_data)
						SELECT gen_random_uuid()::text, 'project-' || t, 0, 'Project', now(), 'ProjectCreated', '1',
						       jsonb_build_object('tenantId', 'tenant-' || t, 'projectId', 'project-' || t, 'name', 'Project ' || t,
						         'client', null, 'billable', true, 'hourlyRate', 100, 'currency', 'EUR', 'actorId', 'seeder'),
						       '{}'::jsonb
						FROM generate_series(0, 9) t""")
			.update();
		jdbc.sql(
				"""
						WITH n AS (
						  SELECT i, i % :workers AS worker, i / :workers AS seq FROM generate_series(0, :events - 11) i
						), e AS (
						  SELECT i, worker, seq, 'tenant-' || (worker % 10) AS tenant, 'user-' || worker AS usr,
						         date '2019-12-30' + ((seq / 25) * 7) AS monday,
						         CASE WHEN seq % 25 = 23 THEN 'TimesheetSubmitted' WHEN seq % 25 = 24 THEN 'TimesheetApproved'
						              WHEN seq % 5 = 0 THEN 'TimeEntryRecorded' ELSE 'TimeEntryAmended' END AS kind
						  FROM n
						), p AS (
						  SELECT e.*, to_char(monday, 'IYYY-"W"IW') AS week,
						         (monday + ((seq % 25) / 5) * interval '1 day' + interval '8 hours'
						           + (seq % 5) * interval '10 minutes') AT TIME ZONE 'UTC' AS start,
						         md5(usr || '-' || (seq / 5)) AS entry
						  FROM e
						)
						INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
						  payload_type, payload_revision, payload, meta_data)
						SELECT gen_random_uuid()::text, tenant || ':' || usr, seq, 'Worklog', now(), kind, '1',
						  CASE WHEN kind = 'TimeEntryRecorded' THEN jsonb_build_object('tenantId', tenant, 'userId', usr,
						         'week', week, 'entryId', entry, 'projectId', 'project-' || (worker % 10), 'task', 'task ' || (seq % 3),
						         'description', null, 'start', to_char(start, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
						         'end', to_char(start + interval '1 hour', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'durationSeconds', 3600,
						         'billable', true, 'zone', 'UTC', 'source', 'manual', 'actorId', usr)
						       WHEN kind = 'TimeEntryAmended' THEN jsonb_build_object('tenantId', tenant, 'userId', usr,
						         'week', week, 'previousWeek', week, 'entryId', entry, 'projectId', 'project-' || (worker % 10),
						         'task', 'task ' || (seq % 3), 'description', 'amended ' || seq,
						         'start', to_char(start, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
						         'end', to_char(start + interval '90 minutes', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
						         'durationSeconds', 5400, 'billable', (seq % 2 = 0), 'zone', 'UTC', 'actorId', usr)
						       WHEN kind = 'TimesheetSubmitted' THEN jsonb_build_object('tenantId', tenant, 'userId', usr,
						         'week', week, 'actorId', usr)
						       ELSE jsonb_build_object('tenantId', tenant, 'userId', usr, 'week', week, 'comment', null,
						         'actorId', 'manager')
						  END, '{}'::jsonb
						FROM p ORDER BY i""")
			.param("workers", WORKERS)
			.param("events", events)
			.update();
		jdbc.sql("VACUUM ANALYZE domain_event_entry").update();
		return jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
	}

}
