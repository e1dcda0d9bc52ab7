package dev.timeledger.web.timetracking;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The bodies of the time-tracking writes. */
final class TimeEntryRequests {

	private TimeEntryRequests() {
	}

	/**
	 * {@code POST /api/time-entries/start}.
	 *
	 * @param projectId the project
	 * @param task the task, optional
	 * @param description the description, optional
	 * @param at when the timer started, now when absent
	 */
	record Start(@NotBlank String projectId, String task, String description, Instant at) {
	}

	/**
	 * {@code POST /api/time-entries/stop}.
	 *
	 * @param at when the timer stopped, now when absent
	 */
	record Stop(Instant at) {
	}

	/**
	 * {@code POST /api/time-entries} and {@code PUT /api/time-entries/{entryId}}.
	 *
	 * @param projectId the project
	 * @param task the task, optional
	 * @param description the description, optional
	 * @param start the start
	 * @param end the end
	 * @param billable billable, the project's default when absent
	 */
	record Entry(@NotBlank String projectId, String task, String description, @NotNull Instant start,
			@NotNull Instant end, Boolean billable) {
	}

}
