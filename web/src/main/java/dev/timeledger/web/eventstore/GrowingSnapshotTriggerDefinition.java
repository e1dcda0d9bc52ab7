package dev.timeledger.web.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots an aggregate once the events since its last snapshot reach the threshold or a
 * quarter of all its events, whichever is more. A worklog's snapshot holds every week of
 * its worker, so it costs in proportion to the worklog's whole history; spacing snapshots
 * in proportion too keeps their cost per event constant as a worker's history grows,
 * where a fixed spacing makes it grow without bound. Loading a worklog that is not cached
 * then replays at most a quarter of its events after the snapshot.
 */
final class GrowingSnapshotTriggerDefinition implements SnapshotTriggerDefinition {

	/** Snapshots are at least this share of the aggregate's events apart. */
	static final int SHARE_DIVISOR = 4;

	private final Snapshotter snapshotter;

	private final int threshold;

	GrowingSnapshotTriggerDefinition(Snapshotter snapshotter, int threshold) {
		this.snapshotter = snapshotter;
		this.threshold = threshold;
	}

	@Override
	public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
		return new Trigger(this.snapshotter, aggregateType, this.threshold);
	}

	@Override
	public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
		if (trigger instanceof Trigger ours) {
			ours.setSnapshotter(this.snapshotter);
			return ours;
		}
		return prepareTrigger(aggregateType);
	}

	private static final class Trigger extends AbstractSnapshotTrigger {

		private static final long serialVersionUID = 1L;

		private final int threshold;

		/** Events handled since the last snapshot. */
		private int counter;

		/** The aggregate's events up to the one being handled. */
		private long events;

		Trigger(Snapshotter snapshotter, Class<?> aggregateType, int threshold) {
			super(snapshotter, aggregateType);
			this.threshold = threshold;
		}

		@Override
		public void eventHandled(EventMessage<?> message) {
			if (message instanceof DomainEventMessage<?> event) {
				this.events = event.getSequenceNumber() + 1;
			}
			super.eventHandled(message);
		}

		@Override
		protected boolean exceedsThreshold() {
			return ++this.counter >= Math.max(this.threshold, this.events / SHARE_DIVISOR);
		}

		@Override
		protected void reset() {
			this.counter = 0;
		}

	}

}
