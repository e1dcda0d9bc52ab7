package dev.timeledger.query.projection;

import java.time.Instant;

/**
 * Which versions of a projection exist.
 *
 * @param projection the projection's name
 * @param liveVersion the version reads use
 * @param rebuildingVersion the version being rebuilt, or null
 * @param rebuildStartedAt when the rebuild started, or null
 * @param manualSwitch whether the rebuilt version waits for an operator to go live
 */
public record ProjectionState(String projection, int liveVersion, Integer rebuildingVersion, Instant rebuildStartedAt,
		boolean manualSwitch) {

	public boolean rebuilding() {
		return this.rebuildingVersion != null;
	}

	static String processorName(String projection, int version) {
		return projection + "@" + version;
	}

}
