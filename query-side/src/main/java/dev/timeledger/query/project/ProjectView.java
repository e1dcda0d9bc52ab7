package dev.timeledger.query.project;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A project as clients see it.
 *
 * @param projectId the id
 * @param name the name
 * @param client the client, may be null
 * @param billable whether its time is billable by default
 * @param archived whether it is archived
 * @param hourlyRate the latest rate set, null when none
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record ProjectView(String projectId, String name, String client, boolean billable, boolean archived,
		Rate hourlyRate, Instant createdAt, Instant updatedAt) {

	/**
	 * An hourly rate.
	 *
	 * @param amount per hour
	 * @param currency ISO 4217 code
	 * @param effectiveFrom the start of the work it applies to
	 */
	public record Rate(BigDecimal amount, String currency, Instant effectiveFrom) {
	}

}
