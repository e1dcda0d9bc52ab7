package dev.timeledger.command.worklog;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject a submitted week with a reason. */
public record RejectTimesheet(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, String week, String reason) {
}
