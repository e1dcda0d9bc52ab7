package dev.timeledger.command.worklog;

import java.time.Instant;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an entry by hand; a null {@code billable} takes the project's default. */
public record RecordTimeEntry(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, String entryId,
		String projectId, String task, String description, Instant start, Instant end, Boolean billable, String zone) {
}
