package dev.timeledger.command.worklog;

import java.time.Instant;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace an entry's project, task, description, times and billability. */
public record AmendTimeEntry(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, String entryId,
		String projectId, String task, String description, Instant start, Instant end, Boolean billable, String zone) {
}
