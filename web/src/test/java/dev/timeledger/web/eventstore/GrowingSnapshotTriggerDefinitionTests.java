package dev.timeledger.web.eventstore;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of a growing aggregate: every {@code threshold} events at first, then a
 * quarter of its history apart, so that their number grows with the logarithm of the
 * history while a load replays at most a quarter of it.
 */
class GrowingSnapshotTriggerDefinitionTests {

	private static final int THRESHOLD = 100;

	private static final int EVENTS = 20_000;

	@Test
	void snapshotsSpreadOutAsTheHistoryGrows_andNeverLeaveMoreThanAQuarterOfItToReplay() {
		List<Long> snapshotsAfter = new ArrayList<>();
		long[] handled = { 0 };
		Snapshotter snapshotter = (type, aggregate) -> snapshotsAfter.add(handled[0]);
		SnapshotTrigger trigger = new GrowingSnapshotTriggerDefinition(snapshotter, THRESHOLD)
			.prepareTrigger(Object.class);
		trigger.initializationFinished();

		for (long sequence = 0; sequence < EVENTS; sequence++) {
			handled[0] = sequence + 1;
			// outside a unit of work a snapshot is scheduled at once
			trigger.eventHandled(new GenericDomainEventMessage<>("Worklog", "w", sequence, "event"));
		}

		assertThat(snapshotsAfter.get(0)).isEqualTo(THRESHOLD);
		long previous = 0;
		for (long snapshot : snapshotsAfter) {
			assertThat(snapshot - previous).as("events replayed before the snapshot after %d", snapshot)
				.isLessThanOrEqualTo(Math.max(THRESHOLD, snapshot / GrowingSnapshotTriggerDefinition.SHARE_DIVISOR));
			previous = snapshot;
		}
		assertThat(EVENTS - previous).isLessThanOrEqualTo(EVENTS / GrowingSnapshotTriggerDefinition.SHARE_DIVISOR);
		assertThat(snapshotsAfter).as("a fixed spacing would take %d", EVENTS / THRESHOLD)
			.hasSizeLessThan(EVENTS / THRESHOLD / 5);
	}

	@Test
	void aReconfiguredTrigger_keepsItsCount() {
		List<String> snapshots = new ArrayList<>();
		GrowingSnapshotTriggerDefinition definition = new GrowingSnapshotTriggerDefinition(
				(type, aggregate) -> snapshots.add(aggregate), THRESHOLD);
		SnapshotTrigger trigger = definition.prepareTrigger(Object.class);
		trigger.initializationFinished();
		for (long sequence = 0; sequence < THRESHOLD - 1; sequence++) {
			trigger.eventHandled(new GenericDomainEventMessage<>("Worklog", "w", sequence, "event"));
		}

		SnapshotTrigger cached = definition.reconfigure(Object.class, trigger);
		cached.eventHandled(new GenericDomainEventMessage<>("Worklog", "w", THRESHOLD - 1, "event"));

		assertThat(cached).isSameAs(trigger);
		assertThat(snapshots).containsExactly("w");
	}

}
