package dev.timeledger.events.operations;

/**
 * An event of running TimeLedger rather than of a tenant's time: an operator's action
 * that projections must see in event order. It belongs to no tenant, so no tenant's event
 * feed serves it.
 */
public sealed interface OperationsEvent permits ParkedEventsReleased {

	String actorId();

}
