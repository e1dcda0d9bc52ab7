package dev.timeledger.query.projectreport;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.timeledger.events.project.ProjectCreated;
import dev.timeledger.events.project.ProjectEvent;
import dev.timeledger.events.project.ProjectRateChanged;
import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.query.changelog.Destinations;
import dev.timeledger.query.projection.Column;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionContext;
import dev.timeledger.query.projection.ProjectionReader;
import dev.timeledger.query.projection.ProjectionTable;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projection {@code project-report}: every entry with its project, and each project's
 * rates over time. Entries are priced when read, so a rate changed for past work reprices
 * it.
 */
@Component
class ProjectReportProjection implements Projection {

	static final String NAME = "project-report";

	private final ProjectionTable entries = new ProjectionTable("project_entry",
			List.of(Column.text("tenant_id"), Column.text("entry_id")),
			List.of(Column.text("project_id"), Column.text("user_id"), Column.text("task"), Column.text("week"),
					Column.timestamp("start"), Column.bigint("seconds"), Column.bool("billable")));

	private final ProjectionTable rates = new ProjectionTable("project_rate",
			List.of(Column.text("tenant_id"), Column.text("project_id"), Column.timestamp("effective_from")),
			List.of(Column.numeric("amount"), Column.text("currency")));

	private final ProjectionReader reader;

	private final JdbcClient jdbc;

	ProjectReportProjection(ProjectionReader reader, JdbcClient jdbc) {
		this.reader = reader;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ProjectionTable> tables() {
		return List.of(this.entries, this.rates);
	}

	@Override
	public Object handler(ProjectionContext context) {
		return new Object() {

			@EventHandler
			void on(ProjectCreated event, EventMessage<?> message) {
				changed(context, event.tenantId(), event.projectId(), message);
				context.writer()
					.put(ProjectReportProjection.this.rates,
							List.of(event.tenantId(), event.projectId(), Instant.EPOCH), event.hourlyRate(),
							event.currency());
			}

			@EventHandler
			void on(ProjectRateChanged event, EventMessage<?> message) {
				changed(context, event.tenantId(), event.projectId(), message);
				context.writer()
					.put(ProjectReportProjection.this.rates,
							List.of(event.tenantId(), event.projectId(), event.effectiveFrom()), event.hourlyRate(),
							event.currency());
			}

			/**
			 * Renames, client, billability and archiving change what the report shows
			 * about the project.
			 */
			@EventHandler
			void on(ProjectEvent event, EventMessage<?> message) {
				changed(context, event.tenantId(), event.projectId(), message);
			}

			@EventHandler
			void on(TimesheetEvent event, EventMessage<?> message) {
				if (context.live() && (event instanceof TimeEntryAmended || event instanceof TimeEntryDeleted)) {
					Object before = context.writer()
						.current(ProjectReportProjection.this.entries, List.of(event.tenantId(), entryId(event)),
								"project_id");
					if (before != null) {
						changed(context, event.tenantId(), before.toString(), message);
					}
				}
				if (event instanceof TimeEntryRecorded recorded) {
					changed(context, recorded.tenantId(), recorded.projectId(), message);
				}
				if (event instanceof TimeEntryAmended amended) {
					changed(context, amended.tenantId(), amended.projectId(), message);
				}
				if (event instanceof TimeEntryRecorded recorded) {
					context.writer()
						.put(ProjectReportProjection.this.entries, List.of(recorded.tenantId(), recorded.entryId()),
								recorded.projectId(), recorded.userId(), recorded.task(), recorded.week(),
								recorded.start(), recorded.durationSeconds(), recorded.billable());
				}
				else if (event instanceof TimeEntryAmended amended) {
					context.writer()
						.put(ProjectReportProjection.this.entries, List.of(amended.tenantId(), amended.entryId()),
								amended.projectId(), amended.userId(), amended.task(), amended.week(), amended.start(),
								amended.durationSeconds(), amended.billable());
				}
				else if (event instanceof TimeEntryDeleted deleted) {
					context.writer()
						.delete(ProjectReportProjection.this.entries, List.of(deleted.tenantId(), deleted.entryId()));
				}
			}

		};
	}

	private static void changed(ProjectionContext context, String tenantId, String projectId, EventMessage<?> message) {
		context.changed(Destinations.projectReport(tenantId, projectId), Map.of("projectId", projectId), message);
	}

	private static String entryId(TimesheetEvent event) {
		return (event instanceof TimeEntryAmended amended) ? amended.entryId() : ((TimeEntryDeleted) event).entryId();
	}

	@QueryHandler
	Optional<ProjectReport> handle(FetchProjectReportQuery query) {
		return this.reader.read(NAME, (version, position) -> projectName(query.tenantId(), query.projectId())
			.map((name) -> ProjectReports.report(this.jdbc, version, position, query, name)));
	}

	@QueryHandler
	Optional<ProjectReportLines> handle(FetchProjectReportLinesQuery query) {
		return this.reader.read(NAME, (version, position) -> projectName(query.tenantId(), query.projectId())
			.map((name) -> ProjectReports.lines(this.jdbc, version, position, query, name)));
	}

	private Optional<String> projectName(String tenantId, String projectId) {
		return this.jdbc.sql("SELECT name FROM project_view WHERE tenant_id = ? AND project_id = ?")
			.params(tenantId, projectId)
			.query(String.class)
			.optional();
	}

}
