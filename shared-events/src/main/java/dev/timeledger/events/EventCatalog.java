package dev.timeledger.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.timeledger.events.operations.ParkedEventsReleased;
import dev.timeledger.events.project.ProjectArchived;
import dev.timeledger.events.project.ProjectBillabilityChanged;
import dev.timeledger.events.project.ProjectClientChanged;
import dev.timeledger.events.project.ProjectCreated;
import dev.timeledger.events.project.ProjectRateChanged;
import dev.timeledger.events.project.ProjectRenamed;
import dev.timeledger.events.project.ProjectRestored;
import dev.timeledger.events.timer.TimerDiscarded;
import dev.timeledger.events.timer.TimerStarted;
import dev.timeledger.events.timer.TimerStopped;
import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetAnnotated;
import dev.timeledger.events.timesheet.TimesheetApproved;
import dev.timeledger.events.timesheet.TimesheetRejected;
import dev.timeledger.events.timesheet.TimesheetReopened;
import dev.timeledger.events.timesheet.TimesheetSubmitted;

/**
 * Every event type with its stable public name and current revision. The public name is
 * what the event store's {@code payload_type} column holds and what the event feed calls
 * {@code type}; it never changes when a class moves.
 */
public final class EventCatalog {

	private static final Map<String, EventType> BY_NAME = Stream
		.of(type(ProjectCreated.class), type(ProjectRenamed.class), type(ProjectClientChanged.class),
				type(ProjectBillabilityChanged.class), type(ProjectRateChanged.class), type(ProjectArchived.class),
				type(ProjectRestored.class), type(TimerStarted.class), type(TimerStopped.class),
				type(TimerDiscarded.class), type(TimeEntryRecorded.class), type(TimeEntryAmended.class),
				type(TimeEntryDeleted.class), type(TimesheetSubmitted.class), type(TimesheetApproved.class),
				type(TimesheetRejected.class), type(TimesheetAnnotated.class), type(TimesheetReopened.class),
				type(ParkedEventsReleased.class))
		.collect(Collectors.toMap(EventType::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));

	private static final Map<Class<?>, EventType> BY_CLASS = BY_NAME.values()
		.stream()
		.collect(Collectors.toMap(EventType::javaType, Function.identity()));

	private EventCatalog() {
	}

	public static Collection<EventType> all() {
		return BY_NAME.values();
	}

	public static Optional<EventType> byName(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	public static Optional<EventType> byClass(Class<?> javaType) {
		return Optional.ofNullable(BY_CLASS.get(javaType));
	}

	private static EventType type(Class<?> javaType) {
		return new EventType(javaType.getSimpleName(), javaType, "1");
	}

	/**
	 * One event type.
	 *
	 * @param name the stable public name, e.g. {@code TimesheetApproved}
	 * @param javaType the record that holds the event in the current revision
	 * @param revision the current revision; stored events of older revisions are upcast
	 * to it
	 */
	public record EventType(String name, Class<?> javaType, String revision) {
	}

}
