package dev.timeledger.command.worklog;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Submit a week for approval. */
public record SubmitTimesheet(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, String week) {
}
