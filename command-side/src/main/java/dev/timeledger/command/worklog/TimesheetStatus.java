package dev.timeledger.command.worklog;

/** Where a week stands in the approval flow. */
public enum TimesheetStatus {

	/** Never submitted: the worker can change it. */
	OPEN,

	/** Waiting for a manager: locked. */
	SUBMITTED,

	/** Approved by a manager: locked. */
	APPROVED,

	/** Sent back by a manager: the worker can change it and submit again. */
	REJECTED,

	/** Unlocked again by a manager after submission or approval. */
	REOPENED;

	public boolean locked() {
		return this == SUBMITTED || this == APPROVED;
	}

}
