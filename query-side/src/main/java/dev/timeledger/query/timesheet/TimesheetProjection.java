package dev.timeledger.query.timesheet;

import java.time.Instant;
import java.util.List;

import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionContext;
import dev.timeledger.query.projection.ProjectionReader;
import dev.timeledger.query.projection.ProjectionTable;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projection {@code timesheet}: each worker's week with its entries, notes and decisions.
 */
@Component
class TimesheetProjection implements Projection {

	static final String NAME = "timesheet";

	private final TimesheetDocuments documents = new TimesheetDocuments("timesheet_view");

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
		return List.of(this.documents.table());
	}

	@Override
	public Object handler(ProjectionContext context) {
		return new Object() {

			@EventHandler
			void on(TimesheetEvent event, @Timestamp Instant at) {
				TimesheetProjection.this.documents.apply(context.writer(), event, at);
			}

		};
	}

	@QueryHandler
	TimesheetView handle(FetchTimesheetQuery query) {
		return this.reader.read(NAME, (version, position) -> {
			TimesheetDocument document = this.jdbc
				.sql("SELECT document::text FROM timesheet_view WHERE version = ? AND tenant_id = ? AND user_id = ?"
						+ " AND week = ?")
				.params(version, query.tenantId(), query.userId(), query.week())
				.query(String.class)
				.optional()
				.map(TimesheetJson::read)
				.orElseGet(() -> TimesheetDocument.of(query.week()));
			return TimesheetView.of(query.userId(), document, position, null);
		});
	}

}
