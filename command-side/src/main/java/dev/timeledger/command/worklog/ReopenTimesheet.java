package dev.timeledger.command.worklog;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopen a submitted or approved week with a reason. */
public record ReopenTimesheet(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, String week, String reason) {
}
