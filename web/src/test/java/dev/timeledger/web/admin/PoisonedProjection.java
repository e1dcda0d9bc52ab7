package dev.timeledger.web.admin;

import java.util.List;

import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.query.projection.Column;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionContext;
import dev.timeledger.query.projection.ProjectionTable;
import org.axonframework.eventhandling.EventHandler;

/**
 * A projection with a bug: its handler fails on every entry described as "poison" until
 * the bug is {@link #fixed}.
 */
class PoisonedProjection implements Projection {

	static final String NAME = "poisoned";

	static volatile boolean fixed;

	private final ProjectionTable entries = new ProjectionTable("poisoned_entry",
			List.of(Column.text("tenant_id"), Column.text("entry_id")),
			List.of(Column.text("user_id"), Column.text("week")));

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ProjectionTable> tables() {
		return List.of(this.entries);
	}

	@Override
	public Object handler(ProjectionContext context) {
		return new Object() {

			@EventHandler
			void on(TimeEntryRecorded event) {
				context.writer()
					.put(PoisonedProjection.this.entries, List.of(event.tenantId(), event.entryId()), event.userId(),
							event.week());
				if ("poison".equals(event.description()) && !fixed) {
					throw new IllegalStateException("cannot digest entry " + event.entryId());
				}
			}

		};
	}

}
