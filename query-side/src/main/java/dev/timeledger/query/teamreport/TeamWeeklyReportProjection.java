package dev.timeledger.query.teamreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.timeledger.events.timer.TimerEvent;
import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetApproved;
import dev.timeledger.events.timesheet.TimesheetAnnotated;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.events.timesheet.TimesheetRejected;
import dev.timeledger.events.timesheet.TimesheetReopened;
import dev.timeledger.events.timesheet.TimesheetSubmitted;
import dev.timeledger.query.changelog.Destinations;
import dev.timeledger.query.projection.Column;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionContext;
import dev.timeledger.query.projection.ProjectionReader;
import dev.timeledger.query.projection.ProjectionTable;
import dev.timeledger.query.projection.ProjectionWriter;
import dev.timeledger.query.timesheet.TimesheetTables;
import dev.timeledger.query.timesheet.WeekDays;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projection {@code team-weekly-report}: every entry's seconds per day of its week, each
 * worker's status per week, and the members of each tenant.
 */
@Component
class TeamWeeklyReportProjection implements Projection {

	static final String NAME = "team-weekly-report";

	static final List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
			"sunday");

	private final ProjectionTable entries = new ProjectionTable("team_entry",
			List.of(Column.text("tenant_id"), Column.text("entry_id")), entryValues());

	private final ProjectionTable statuses = new ProjectionTable("team_status",
			List.of(Column.text("tenant_id"), Column.text("week"), Column.text("user_id")),
			List.of(Column.text("status")));

	private final ProjectionTable members = new ProjectionTable("team_member",
			List.of(Column.text("tenant_id"), Column.text("user_id")), List.of());

	private final ProjectionReader reader;

	private final JdbcClient jdbc;

	private final NewMembers newMembers;

	TeamWeeklyReportProjection(ProjectionReader reader, JdbcClient jdbc) {
		this.reader = reader;
		this.jdbc = jdbc;
		this.newMembers = new NewMembers(jdbc);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ProjectionTable> tables() {
		return List.of(this.entries, this.statuses, this.members);
	}

	@Override
	public Object handler(ProjectionContext context) {
		return new Object() {

			@EventHandler
			void on(TimesheetEvent event, EventMessage<?> message) {
				List<String> joined = joined(context, event.tenantId(), event.userId(), message);
				apply(context.writer(), event);
				joined.forEach((week) -> changed(context, event.tenantId(), week, message));
				if (!(event instanceof TimesheetAnnotated)) {
					for (String week : TimesheetTables.weeksOf(event)) {
						if (!joined.contains(week)) {
							changed(context, event.tenantId(), week, message);
						}
					}
				}
			}

			@EventHandler
			void on(TimerEvent event, EventMessage<?> message) {
				joined(context, event.tenantId(), event.userId(), message)
					.forEach((week) -> changed(context, event.tenantId(), week, message));
			}

		};
	}

	/** Records the member; the weeks that change when it is a new one. */
	private List<String> joined(ProjectionContext context, String tenantId, String userId, EventMessage<?> message) {
		List<String> weeks = context.live()
				? this.newMembers.weeksChangedByJoining(context.version(), tenantId, userId, message.getTimestamp())
				: List.of();
		context.writer().put(this.members, List.of(tenantId, userId));
		return weeks;
	}

	private static void changed(ProjectionContext context, String tenantId, String week, EventMessage<?> message) {
		context.changed(Destinations.teamWeeklyReport(tenantId, week), Map.of("week", week), message);
	}

	@QueryHandler
	TeamWeeklyReport handle(FetchTeamWeeklyReportQuery query) {
		return this.reader.read(NAME, (version, position) -> TeamWeeklyReports.read(this.jdbc, version, position,
				query.tenantId(), query.week()));
	}

	private void apply(ProjectionWriter writer, TimesheetEvent event) {
		if (event instanceof TimeEntryRecorded recorded) {
			putEntry(writer, recorded.tenantId(), recorded.entryId(), recorded.userId(), recorded.week(),
					WeekDays.split(recorded.week(), recorded.start(), recorded.end(), recorded.zone()));
		}
		else if (event instanceof TimeEntryAmended amended) {
			putEntry(writer, amended.tenantId(), amended.entryId(), amended.userId(), amended.week(),
					WeekDays.split(amended.week(), amended.start(), amended.end(), amended.zone()));
		}
		else if (event instanceof TimeEntryDeleted deleted) {
			writer.delete(this.entries, List.of(deleted.tenantId(), deleted.entryId()));
		}
		else {
			String status = status(event);
			if (status != null) {
				writer.put(this.statuses, List.of(event.tenantId(), event.week(), event.userId()), status);
			}
		}
	}

	private void putEntry(ProjectionWriter writer, String tenantId, String entryId, String userId, String week,
			long[] days) {
		List<Object> values = new ArrayList<>(List.of(userId, week));
		for (long seconds : days) {
			values.add(seconds);
		}
		writer.put(this.entries, List.of(tenantId, entryId), values.toArray());
	}

	private static String status(TimesheetEvent event) {
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

	private static List<Column> entryValues() {
		List<Column> columns = new ArrayList<>(List.of(Column.text("user_id"), Column.text("week")));
		DAYS.forEach((day) -> columns.add(Column.bigint(day)));
		return columns;
	}

}
