package dev.timeledger.web.report;

import java.time.Duration;

/**
 * A projection, or the event store, did not reach the position a read asked for within
 * the wait.
 */
public class ProjectionBehind extends RuntimeException {

	ProjectionBehind(String what, long position, Duration waited) {
		super("The " + what + " has not reached position " + position + " after " + waited.toMillis()
				+ " ms; try again shortly", null, false, false);
	}

}
