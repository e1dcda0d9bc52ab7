package dev.timeledger.command.worklog;

import java.time.Instant;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop the worker's running timer at {@code at} (null: now) and record its time. */
public record StopTimer(@TargetAggregateIdentifier WorklogId worklogId, Actor actor, Instant at) {
}
