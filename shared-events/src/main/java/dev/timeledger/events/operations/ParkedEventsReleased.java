package dev.timeledger.events.operations;

/**
 * An operator released the events a projection had parked for one sequence (a timesheet,
 * a timer, a project) after one of them made its handler fail: the projection handles
 * them again, in order, at this event's position.
 *
 * @param projection the projection's name, e.g. {@code weekly-report}
 * @param sequence the parked sequence, as the parked-events listing names it
 * @param actorId the operator
 */
public record ParkedEventsReleased(String projection, String sequence, String actorId) implements OperationsEvent {
}
