package dev.timeledger.command.worklog;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Discard the worker's running timer without recording time. */
public record DiscardTimer(@TargetAggregateIdentifier WorklogId worklogId, Actor actor) {
}
