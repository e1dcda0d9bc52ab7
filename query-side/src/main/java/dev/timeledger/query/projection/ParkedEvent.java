package dev.timeledger.query.projection;

import java.time.Instant;

/**
 * An event a projection version parked.
 *
 * @param projection the projection's name
 * @param version the projection version that parked it
 * @param sequence the sequence it belongs to (see {@link #sequence()} in releases)
 * @param position its event position
 * @param type its public event type
 * @param tenantId its tenant, null for events of no tenant
 * @param error why it was parked: its handler's error, or the earlier parked event it
 * waits behind
 * @param attempts how often it was handled and failed
 * @param parkedAt when it was first parked
 */
public record ParkedEvent(String projection, int version, String sequence, long position, String type, String tenantId,
		String error, int attempts, Instant parkedAt) {
}
