package dev.timeledger.command.worklog;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a submitted week, with an optional comment. */
public record ApproveTimesheet(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, String week,
		String comment) {
}
