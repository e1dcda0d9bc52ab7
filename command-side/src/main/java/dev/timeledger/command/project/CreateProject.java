package dev.timeledger.command.project;

import java.math.BigDecimal;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a project in the actor's tenant.
 *
 * @param projectId the new project's id, chosen by the caller
 * @param actor who creates it (manager or admin)
 * @param name the name shown in reports
 * @param client the client the project is for, may be null
 * @param billable whether time on the project is billable unless an entry says otherwise
 * @param hourlyRate the rate per hour, null for none
 * @param currency the ISO 4217 currency of the rate, null when there is no rate
 */
public record CreateProject(@TargetAggregateIdentifier String projectId, Actor actor, String name, String client,
		boolean billable, BigDecimal hourlyRate, String currency) {
}
