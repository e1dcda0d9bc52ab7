package dev.timeledger.query.timesheet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.timeledger.events.timesheet.TimesheetAnnotated;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.query.changelog.Destinations;
import dev.timeledger.query.projection.Column;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionContext;
import dev.timeledger.query.projection.ProjectionReader;
import dev.timeledger.query.projection.ProjectionTable;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projection {@code timesheet}: each worker's weeks with their entries, notes and
 * decisions.
 */
@Component
class TimesheetProjection implements Projection {

	static final String NAME = "timesheet";

	private final TimesheetTables sheets = new TimesheetTables("timesheet");

	private final ProjectionTable notes = new ProjectionTable("timesheet_note",
			List.of(Column.text("tenant_id"), Column.text("annotation_id")),
			List.of(Column.text("user_id"), Column.text("week"), Column.text("text"), Column.text("entry_id"),
					Column.text("written_by"), Column.timestamp("written_at"), Column.bigint("position")));

	private final ProjectionTable decisions = new ProjectionTable("timesheet_decision",
			List.of(Column.text("tenant_id"), Column.bigint("position")),
			List.of(Column.text("user_id"), Column.text("week"), Column.text("status"), Column.text("decided_by"),
					Column.timestamp("decided_at"), Column.text("comment")));

	private final ProjectionReader reader;

	private final JdbcClient jdbc;

	TimesheetProjection(ProjectionReader reader, JdbcClient jdbc) {
		this.reader = reader;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ProjectionTable> tables() {
		return List.of(this.sheets.tables().get(0), this.sheets.tables().get(1), this.notes, this.decisions);
	}

	@Override
	public Object handler(ProjectionContext context) {
		return new Object() {

			@EventHandler
			void on(TimesheetEvent event, @Timestamp Instant at, TrackingToken token, EventMessage<?> message) {
				TimesheetProjection.this.record(context, event, at, token.position().orElseThrow());
				if (event instanceof TimesheetAnnotated || TimesheetTables.status(event) != null) {
					context.changed(Destinations.timesheet(event.tenantId(), event.userId(), event.week()),
							Map.of("userId", event.userId(), "week", event.week()), message);
				}
			}

		};
	}

	private void record(ProjectionContext context, TimesheetEvent event, Instant at, long position) {
		this.sheets.apply(context.writer(), event);
		if (event instanceof TimesheetAnnotated annotated) {
			context.writer()
				.put(this.notes, List.of(annotated.tenantId(), annotated.annotationId()), annotated.userId(),
						annotated.week(), annotated.text(), annotated.entryId(), annotated.actorId(), at, position);
		}
		String status = TimesheetTables.status(event);
		if (status != null) {
			context.writer()
				.put(this.decisions, List.of(event.tenantId(), position), event.userId(), event.week(), status,
						event.actorId(), at, TimesheetDocument.Decision.comment(event));
		}
	}

	@QueryHandler
	TimesheetView handle(FetchTimesheetQuery query) {
		return this.reader.read(NAME, (version, position) -> {
			Object[] week = { version, query.tenantId(), query.userId(), query.week() };
			List<TimesheetDocument.Annotation> annotations = this.jdbc
				.sql("SELECT annotation_id, text, entry_id, written_by, written_at FROM timesheet_note"
						+ " WHERE version = ? AND tenant_id = ? AND user_id = ? AND week = ? ORDER BY position")
				.params(week)
				.query((rs, row) -> new TimesheetDocument.Annotation(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getTimestamp(5).toInstant()))
				.list();
			List<TimesheetDocument.Decision> decisions = this.jdbc
				.sql("SELECT status, decided_by, decided_at, comment FROM timesheet_decision"
						+ " WHERE version = ? AND tenant_id = ? AND user_id = ? AND week = ? ORDER BY position")
				.params(week)
				.query((rs, row) -> new TimesheetDocument.Decision(rs.getString(1), rs.getString(2),
						rs.getTimestamp(3).toInstant(), rs.getString(4)))
				.list();
			TimesheetDocument document = TimesheetDocument.of(query.week(),
					this.sheets.status(this.jdbc, version, query.tenantId(), query.userId(), query.week()),
					this.sheets.entries(this.jdbc, version, query.tenantId(), query.userId(), query.week()),
					annotations, decisions);
			return TimesheetView.of(query.userId(), document, position, null);
		});
	}

}
