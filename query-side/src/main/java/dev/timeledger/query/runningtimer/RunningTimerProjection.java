package dev.timeledger.query.runningtimer;

import java.sql.Timestamp;
import java.util.Optional;

import dev.timeledger.events.timer.TimerDiscarded;
import dev.timeledger.events.timer.TimerStarted;
import dev.timeledger.events.timer.TimerStopped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The running timer of each worker. */
@Component
@ProcessingGroup("running-timers")
class RunningTimerProjection {

	private final JdbcClient jdbc;

	RunningTimerProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(TimerStarted event) {
		this.jdbc
			.sql("""
					INSERT INTO running_timer (tenant_id, user_id, entry_id, project_id, task, description, started_at, zone)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (tenant_id, user_id) DO UPDATE SET entry_id = EXCLUDED.entry_id,
					  project_id = EXCLUDED.project_id, task = EXCLUDED.task, description = EXCLUDED.description,
					  started_at = EXCLUDED.started_at, zone = EXCLUDED.zone""")
			.params(event.tenantId(), event.userId(), event.entryId(), event.projectId(), event.task(),
					event.description(), Timestamp.from(event.startedAt()), event.zone())
			.update();
	}

	@EventHandler
	void on(TimerStopped event) {
		remove(event.tenantId(), event.userId(), event.entryId());
	}

	@EventHandler
	void on(TimerDiscarded event) {
		remove(event.tenantId(), event.userId(), event.entryId());
	}

	@QueryHandler
	Optional<RunningTimerView> handle(FetchRunningTimerQuery query) {
		return this.jdbc
			.sql("SELECT entry_id, project_id, task, description, started_at, zone FROM running_timer"
					+ " WHERE tenant_id = ? AND user_id = ?")
			.params(query.tenantId(), query.userId())
			.query((rs, row) -> new RunningTimerView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.optional();
	}

	private void remove(String tenantId, String userId, String entryId) {
		this.jdbc.sql("DELETE FROM running_timer WHERE tenant_id = ? AND user_id = ? AND entry_id = ?")
			.params(tenantId, userId, entryId)
			.update();
	}

}
