package dev.timeledger.command.operations;

import dev.timeledger.command.Actor;

/**
 * Release the events a projection parked for one sequence, so that it handles them again.
 *
 * @param projection the projection's name
 * @param sequence the parked sequence
 * @param actor the operator
 */
public record ReleaseParkedEvents(String projection, String sequence, Actor actor) {
}
