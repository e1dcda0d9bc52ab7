package dev.timeledger.query.timesheet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetApproved;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.events.timesheet.TimesheetRejected;
import dev.timeledger.events.timesheet.TimesheetReopened;
import dev.timeledger.events.timesheet.TimesheetSubmitted;
import dev.timeledger.query.projection.Column;
import dev.timeledger.query.projection.ProjectionTable;
import dev.timeledger.query.projection.ProjectionWriter;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The entries and statuses of every worker's weeks, as rows: an entry row per entry (an
 * amendment replaces it, wherever it moves), a status row per week that has one. One
 * small row write per event keeps rebuilds fast; the week's totals are summed when it is
 * read.
 */
public final class TimesheetTables {

	private final ProjectionTable entries;

	private final ProjectionTable statuses;

	public TimesheetTables(String prefix) {
		this.entries = new ProjectionTable(prefix + "_entry",
				List.of(Column.text("tenant_id"), Column.text("entry_id")),
				List.of(Column.text("user_id"), Column.text("week"), Column.text("project_id"), Column.text("task"),
						Column.text("description"), Column.timestamp("start"), Column.timestamp("end_at"),
						Column.bigint("seconds"), Column.bool("billable"), Column.text("zone")));
		this.statuses = new ProjectionTable(prefix + "_status",
				List.of(Column.text("tenant_id"), Column.text("user_id"), Column.text("week")),
				List.of(Column.text("status")));
	}

	public List<ProjectionTable> tables() {
		return List.of(this.entries, this.statuses);
	}

	/** Records what the event changes in the week's entries or status. */
	public void apply(ProjectionWriter writer, TimesheetEvent event) {
		if (event instanceof TimeEntryRecorded recorded) {
			writer.put(this.entries, List.of(recorded.tenantId(), recorded.entryId()), recorded.userId(),
					recorded.week(), recorded.projectId(), recorded.task(), recorded.description(), recorded.start(),
					recorded.end(), recorded.durationSeconds(), recorded.billable(), recorded.zone());
		}
		else if (event instanceof TimeEntryAmended amended) {
			writer.put(this.entries, List.of(amended.tenantId(), amended.entryId()), amended.userId(), amended.week(),
					amended.projectId(), amended.task(), amended.description(), amended.start(), amended.end(),
					amended.durationSeconds(), amended.billable(), amended.zone());
		}
		else if (event instanceof TimeEntryDeleted deleted) {
			writer.delete(this.entries, List.of(deleted.tenantId(), deleted.entryId()));
		}
		else {
			String status = status(event);
			if (status != null) {
				writer.put(this.statuses, List.of(event.tenantId(), event.userId(), event.week()), status);
			}
		}
	}

	/** The entries of a week, by start. */
	public List<TimesheetDocument.Entry> entries(JdbcClient jdbc, int version, String tenantId, String userId,
			String week) {
		return jdbc
			.sql("SELECT entry_id, project_id, task, description, start, end_at, seconds, billable, zone FROM "
					+ this.entries.name() + " WHERE version = ? AND tenant_id = ? AND user_id = ? AND week = ?"
					+ " ORDER BY start, entry_id")
			.params(version, tenantId, userId, week)
			.query((rs, row) -> entry(rs, week))
			.list();
	}

	/** The weeks, each with its user, that hold time on the project. */
	public List<List<String>> weeksOnProject(JdbcClient jdbc, int version, String tenantId, String projectId) {
		return jdbc
			.sql("SELECT DISTINCT user_id, week FROM " + this.entries.name()
					+ " WHERE version = ? AND tenant_id = ? AND project_id = ?")
			.params(version, tenantId, projectId)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** The week's status, {@code open} when it never had one. */
	public String status(JdbcClient jdbc, int version, String tenantId, String userId, String week) {
		return jdbc
			.sql("SELECT status FROM " + this.statuses.name()
					+ " WHERE version = ? AND tenant_id = ? AND user_id = ? AND week = ?")
			.params(version, tenantId, userId, week)
			.query(String.class)
			.optional()
			.orElse("open");
	}

	/** The weeks an event changes: its week, and the week an amended entry left. */
	public static List<String> weeksOf(TimesheetEvent event) {
		if (event instanceof TimeEntryAmended amended && !amended.previousWeek().equals(amended.week())) {
			return List.of(amended.week(), amended.previousWeek());
		}
		return List.of(event.week());
	}

	/**
	 * The status a decision event leads to, or null for events that are not decisions.
	 */
	public static String status(TimesheetEvent event) {
		if (event instanceof TimesheetSubmitted) {
			return "submitted";
		}
		if (event instanceof TimesheetApproved) {
			return "approved";
		}
		if (event instanceof TimesheetRejected) {
			return "rejected";
		}
		if (event instanceof TimesheetReopened) {
			return "reopened";
		}
		return null;
	}

	private static TimesheetDocument.Entry entry(ResultSet rs, String week) throws SQLException {
		java.time.Instant start = rs.getTimestamp("start").toInstant();
		java.time.Instant end = rs.getTimestamp("end_at").toInstant();
		String zone = rs.getString("zone");
		return new TimesheetDocument.Entry(rs.getString("entry_id"), rs.getString("project_id"), rs.getString("task"),
				rs.getString("description"), start, end, rs.getLong("seconds"), rs.getBoolean("billable"), zone,
				WeekDays.split(week, start, end, zone));
	}

}
