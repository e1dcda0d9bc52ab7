package dev.timeledger.command.project;

import java.math.BigDecimal;
import java.time.Instant;

import dev.timeledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change some attributes of a project; a null attribute stays as it is.
 *
 * @param projectId the project
 * @param actor who changes it (manager or admin)
 * @param name the new name
 * @param client the new client, when {@code clientChanged}; null removes the client
 * @param clientChanged whether the client is part of the change
 * @param billable the new default billability
 * @param archived true archives, false restores
 * @param rate the new hourly rate
 */
public record ChangeProject(@TargetAggregateIdentifier String projectId, Actor actor, String name, String client,
		boolean clientChanged, Boolean billable, Boolean archived, RateChange rate) {

	/**
	 * A new hourly rate for work that starts at or after {@code effectiveFrom}.
	 *
	 * @param amount the rate per hour, null removes the rate
	 * @param currency the ISO 4217 currency, null with a null amount
	 * @param effectiveFrom when the rate starts to apply
	 */
	public record RateChange(BigDecimal amount, String currency, Instant effectiveFrom) {
	}

}
