package dev.timeledger.command.worklog;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a note to a week, or to one of its entries. */
public record AnnotateTimesheet(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, String week,
		String annotationId, String text, String entryId) {
}
