package dev.timeledger.query.weeklyreport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.events.project.ProjectRenamed;
import dev.timeledger.events.timer.TimerEvent;
import dev.timeledger.events.timer.TimerStarted;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.query.changelog.Destinations;
import dev.timeledger.query.projection.Column;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionContext;
import dev.timeledger.query.projection.ProjectionJson;
import dev.timeledger.query.projection.ProjectionReader;
import dev.timeledger.query.projection.ProjectionTable;
import dev.timeledger.query.timesheet.TimesheetDocument;
import dev.timeledger.query.timesheet.TimesheetTables;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Projection {@code weekly-report}: each worker's weeks and running timer. */
@Component
class WeeklyReportProjection implements Projection {

	static final String NAME = "weekly-report";

	private static final ObjectMapper JSON = ProjectionJson.mapper();

	private final TimesheetTables sheets = new TimesheetTables("weekly");

	private final ProjectionTable timers = new ProjectionTable("weekly_timer",
			List.of(Column.text("tenant_id"), Column.text("user_id")), List.of(Column.json("timer")));

	private final ProjectionReader reader;

	private final JdbcClient jdbc;

	private final Clock clock;

	WeeklyReportProjection(ProjectionReader reader, JdbcClient jdbc, Clock clock) {
		this.reader = reader;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ProjectionTable> tables() {
		return List.of(this.sheets.tables().get(0), this.sheets.tables().get(1), this.timers);
	}

	@Override
	public Object handler(ProjectionContext context) {
		return new Object() {

			@EventHandler
			void on(TimesheetEvent event, EventMessage<?> message) {
				WeeklyReportProjection.this.sheets.apply(context.writer(), event);
				for (String week : TimesheetTables.weeksOf(event)) {
					changed(context, event.tenantId(), event.userId(), week, message);
				}
			}

			/**
			 * A report shows its projects' names, read when it is read: a rename changes
			 * every week with time on the project. Entries stored in the same batch are
			 * not seen here; their own events changed their weeks.
			 */
			@EventHandler
			void on(ProjectRenamed event, EventMessage<?> message) {
				if (context.live()) {
					for (List<String> week : WeeklyReportProjection.this.sheets.weeksOnProject(
							WeeklyReportProjection.this.jdbc, context.version(), event.tenantId(), event.projectId())) {
						changed(context, event.tenantId(), week.get(0), week.get(1), message);
					}
				}
			}

			@EventHandler
			void on(TimerEvent event, EventMessage<?> message) {
				List<Object> key = List.of(event.tenantId(), event.userId());
				if (context.live()) {
					String zone = (event instanceof TimerStarted started) ? started.zone() : timerZone(context, key);
					for (String week : TimerWeeks.changedBy(startedAt(event), message.getTimestamp(),
							ZoneId.of(zone))) {
						changed(context, event.tenantId(), event.userId(), week, message);
					}
				}
				if (event instanceof TimerStarted started) {
					context.writer()
						.put(WeeklyReportProjection.this.timers, key,
								new WeeklyReport.RunningTimer(started.entryId(), started.projectId(), started.task(),
										started.description(), started.startedAt(), started.zone()));
				}
				else {
					context.writer().delete(WeeklyReportProjection.this.timers, key);
				}
			}

		};
	}

	private static void changed(ProjectionContext context, String tenantId, String userId, String week,
			EventMessage<?> message) {
		context.changed(Destinations.weeklyReport(tenantId, userId, week), Map.of("userId", userId, "week", week),
				message);
	}

	private String timerZone(ProjectionContext context, List<Object> key) {
		Object timer = context.writer().current(this.timers, key, "timer");
		try {
			return (timer != null) ? JSON.readTree(timer.toString()).path("zone").asText("UTC") : "UTC";
		}
		catch (JsonProcessingException ex) {
			return "UTC";
		}
	}

	private static Instant startedAt(TimerEvent event) {
		if (event instanceof TimerStarted started) {
			return started.startedAt();
		}
		return (event instanceof dev.timeledger.events.timer.TimerStopped stopped) ? stopped.startedAt()
				: ((dev.timeledger.events.timer.TimerDiscarded) event).startedAt();
	}

	@QueryHandler
	WeeklyReport handle(FetchWeeklyReportQuery query) {
		return this.reader.read(NAME, (version, position) -> {
			TimesheetDocument document = TimesheetDocument.of(query.week(),
					this.sheets.status(this.jdbc, version, query.tenantId(), query.userId(), query.week()),
					this.sheets.entries(this.jdbc, version, query.tenantId(), query.userId(), query.week()), List.of(),
					List.of());
			WeeklyReport.RunningTimer timer = timer(version, query)
				.filter((running) -> TimerWeeks.shows(query.week(), running.startedAt(), this.clock.instant(),
						ZoneId.of(running.zone())))
				.orElse(null);
			return WeeklyReports.of(query.userId(), document, projectNames(query.tenantId()), timer, position);
		});
	}

	private Optional<WeeklyReport.RunningTimer> timer(int version, FetchWeeklyReportQuery query) {
		return this.jdbc.sql("SELECT timer::text FROM weekly_timer WHERE version = ? AND tenant_id = ? AND user_id = ?")
			.params(version, query.tenantId(), query.userId())
			.query(String.class)
			.optional()
			.map((json) -> {
				try {
					return JSON.readValue(json, WeeklyReport.RunningTimer.class);
				}
				catch (JsonProcessingException ex) {
					throw new IllegalStateException(ex);
				}
			});
	}

	private Map<String, String> projectNames(String tenantId) {
		return this.jdbc.sql("SELECT project_id, name FROM project_view WHERE tenant_id = ?")
			.param(tenantId)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
