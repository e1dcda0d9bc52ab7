package dev.timeledger.web.eventstore;

/**
 * What a command handler returned, and where its events landed in the event store.
 *
 * @param value the handler's return value, may be null
 * @param appended the position of the last stored event, known once the command committed
 */
public record PositionedResult(Object value, AppendedPosition appended) {
}
