/**
 * The published language of TimeLedger: one immutable record per event, grouped by
 * feature.
 * <p>
 * Events are stored as flat JSON and served to integrations as they are, so their fields
 * are JDK types only and every event names its tenant ({@code tenantId}) and the user who
 * caused it ({@code actorId}). Each event has a stable public name and a revision, listed
 * in {@link dev.timeledger.events.EventCatalog}; a structural change bumps the revision
 * and comes with an upcaster.
 */
package dev.timeledger.events;
