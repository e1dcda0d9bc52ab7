package dev.timeledger.command.worklog;

import java.time.Instant;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start the worker's timer at {@code at} (null: now) in the worker's {@code zone}. */
public record StartTimer(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, String entryId, String projectId,
		String task, String description, Instant at, String zone) {
}
