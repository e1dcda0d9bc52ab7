package dev.timeledger.query.timesheet;

import java.time.Instant;
import java.util.List;

import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.query.projection.Column;
import dev.timeledger.query.projection.ProjectionTable;
import dev.timeledger.query.projection.ProjectionWriter;

/**
 * Keeps one {@link TimesheetDocument} per worker and week in a projection table. An
 * amendment that moves an entry touches two weeks.
 */
public final class TimesheetDocuments {

	private final ProjectionTable table;

	public TimesheetDocuments(String tableName) {
		this.table = new ProjectionTable(tableName,
				List.of(Column.text("tenant_id"), Column.text("user_id"), Column.text("week")),
				List.of(Column.json("document")));
	}

	public ProjectionTable table() {
		return this.table;
	}

	/** Applies the event to every week it touches. */
	public void apply(ProjectionWriter writer, TimesheetEvent event, Instant at) {
		update(writer, event, event.week(), at);
		if (event instanceof TimeEntryAmended amended && !amended.previousWeek().equals(amended.week())) {
			update(writer, event, amended.previousWeek(), at);
		}
	}

	private void update(ProjectionWriter writer, TimesheetEvent event, String week, Instant at) {
		List<Object> key = List.of(event.tenantId(), event.userId(), week);
		TimesheetDocument document = writer.document(this.table, key, TimesheetDocument.class);
		if (document == null) {
			document = TimesheetDocument.of(week);
		}
		document.apply(event, at);
		writer.putDocument(this.table, key, document);
	}

}
