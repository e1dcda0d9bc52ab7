package dev.timeledger.command.worklog;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete an entry. */
public record DeleteTimeEntry(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, String entryId) {
}
