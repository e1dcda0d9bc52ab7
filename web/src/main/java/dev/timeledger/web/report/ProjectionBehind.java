package dev.timeledger.web.report;

import java.time.Duration;

/** A projection did not reach the position a read asked for within the wait. */
public class ProjectionBehind extends RuntimeException {

	ProjectionBehind(String projection, long position, Duration waited) {
		super("Projection " + projection + " has not reached position " + position + " after " + waited.toMillis()
				+ " ms; try again shortly", null, false, false);
	}

}
