package dev.timeledger.query.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.events.EventCatalog;
import dev.timeledger.events.timer.TimerEvent;
import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.query.feed.StoredEvents;
import dev.timeledger.query.projection.ProjectionJson;
import dev.timeledger.query.timesheet.TimesheetDocument;
import dev.timeledger.query.timesheet.TimesheetView;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.stereotype.Component;

/**
 * The audit reads of a timesheet, from the event store itself rather than a projection:
 * the history of the week and the week as it was at any past instant. Stored events are
 * upcast to their current revision first. Only the caller's tenant is read.
 */
@Component
class TimesheetAudit {

	private static final ObjectMapper JSON = ProjectionJson.mapper();

	private final StoredEvents events;

	TimesheetAudit(StoredEvents events) {
		this.events = events;
	}

	@QueryHandler
	List<HistoryEntry> handle(FetchTimesheetHistoryQuery query) {
		List<TrackedEventMessage<?>> events = ofWeek(query.tenantId(), query.userId(), query.week(), null);
		return events.stream().map(TimesheetAudit::entry).toList();
	}

	@QueryHandler
	TimesheetView handle(FetchTimesheetAsOfQuery query) {
		TimesheetDocument document = TimesheetDocument.of(query.week());
		long position = 0;
		for (TrackedEventMessage<?> event : ofWeek(query.tenantId(), query.userId(), query.week(), query.asOf())) {
			if (event.getPayload() instanceof TimesheetEvent timesheetEvent) {
				document.apply(timesheetEvent, event.getTimestamp());
			}
			position = position(event);
		}
		return TimesheetView.of(query.userId(), document, position, query.asOf());
	}

	/** The worker's events that belong to the week or its entries, up to an instant. */
	private List<TrackedEventMessage<?>> ofWeek(String tenantId, String userId, String week, Instant until) {
		List<TrackedEventMessage<?>> all = read(tenantId, userId, until);
		Set<String> entries = new HashSet<>();
		for (TrackedEventMessage<?> event : all) {
			if (event.getPayload() instanceof TimesheetEvent timesheetEvent && belongs(timesheetEvent, week)) {
				entryId(timesheetEvent).ifPresent(entries::add);
			}
		}
		List<TrackedEventMessage<?>> ofWeek = new ArrayList<>();
		for (TrackedEventMessage<?> event : all) {
			Object payload = event.getPayload();
			if ((payload instanceof TimesheetEvent timesheetEvent && belongs(timesheetEvent, week))
					|| (payload instanceof TimerEvent timerEvent && entries.contains(timerEvent.entryId()))) {
				ofWeek.add(event);
			}
		}
		return ofWeek;
	}

	private List<TrackedEventMessage<?>> read(String tenantId, String userId, Instant until) {
		return this.events.read("tenant_id = ? AND payload ->> 'userId' = ? AND time_stamp <= ? ORDER BY global_index",
				tenantId, userId, (until != null) ? until.atOffset(java.time.ZoneOffset.UTC)
						: OffsetDateTime.parse("9999-12-31T00:00:00Z"));
	}

	private static boolean belongs(TimesheetEvent event, String week) {
		return event.week().equals(week)
				|| (event instanceof TimeEntryAmended amended && amended.previousWeek().equals(week));
	}

	private static java.util.Optional<String> entryId(TimesheetEvent event) {
		if (event instanceof TimeEntryRecorded recorded) {
			return java.util.Optional.of(recorded.entryId());
		}
		if (event instanceof TimeEntryAmended amended) {
			return java.util.Optional.of(amended.entryId());
		}
		if (event instanceof TimeEntryDeleted deleted) {
			return java.util.Optional.of(deleted.entryId());
		}
		return java.util.Optional.empty();
	}

	private static HistoryEntry entry(TrackedEventMessage<?> event) {
		Object payload = event.getPayload();
		String actor = (payload instanceof TimesheetEvent timesheetEvent) ? timesheetEvent.actorId()
				: ((TimerEvent) payload).actorId();
		String type = EventCatalog.byClass(payload.getClass())
			.map(EventCatalog.EventType::name)
			.orElse(payload.getClass().getSimpleName());
		return new HistoryEntry(position(event), type, event.getTimestamp(), actor,
				JSON.convertValue(payload, new TypeReference<Map<String, Object>>() {
				}));
	}

	private static long position(TrackedEventMessage<?> event) {
		return StoredEvents.position(event);
	}

}
