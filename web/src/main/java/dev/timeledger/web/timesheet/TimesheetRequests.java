package dev.timeledger.web.timesheet;

import jakarta.validation.constraints.NotBlank;

/** The bodies of the timesheet decisions. */
final class TimesheetRequests {

	private TimesheetRequests() {
	}

	/**
	 * {@code POST .../approval}.
	 *
	 * @param comment an optional comment
	 */
	record Approval(String comment) {
	}

	/**
	 * {@code POST .../rejection} and {@code POST .../reopening}.
	 *
	 * @param reason why, required
	 */
	record Reason(@NotBlank String reason) {
	}

	/**
	 * {@code POST .../annotations}.
	 *
	 * @param text the note
	 * @param entryId the entry it is about, optional
	 */
	record Annotation(@NotBlank String text, String entryId) {
	}

}
