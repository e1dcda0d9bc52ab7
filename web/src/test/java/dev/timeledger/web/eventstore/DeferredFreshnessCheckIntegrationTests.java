package dev.timeledger.web.eventstore;

import java.time.Instant;
import java.util.UUID;

import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command decides on its cached aggregate without reading the aggregate's last sequence
 * number first; a decision on an entry made stale by another node is taken again on the
 * stored state, whether the stale state accepted or rejected it.
 */
class DeferredFreshnessCheckIntegrationTests extends ApiTest {

	@Autowired
	FreshAggregateCache cache;

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void commandsOnACachedAggregate_readNoSequenceNumberFirst_andARejectionReadsItOnce() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		long before = this.cache.freshnessReads();

		this.world.recordEntry("2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z");
		this.world.recordEntry("2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z");
		assertThat(this.cache.freshnessReads()).as("accepted commands").isEqualTo(before);

		Response overlapping = this.world.record(this.world.worker, "2026-11-16T09:30:00Z", "2026-11-16T10:30:00Z");
		assertThat(TestWorld.isProblem(overlapping, 409, "entry-overlaps")).as(overlapping.body()).isTrue();
		assertThat(this.cache.freshnessReads()).as("a rejection").isEqualTo(before + 1);
	}

	@Test
	void aDecisionOnAnEntryMadeStaleByAnotherNode_isTakenAgainOnTheStoredState() {
		String entryId = this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		TimeEntryRecorded recorded = lastEvent(TimeEntryRecorded.class);

		// another node deletes the entry: this node's cached worklog still has it, and
		// would reject an entry over it
		appendElsewhere(new TimeEntryDeleted(recorded.tenantId(), recorded.userId(), recorded.week(), entryId,
				recorded.userId()));
		Response overIt = this.world.record(this.world.worker, "2026-11-16T09:30:00Z", "2026-11-16T10:30:00Z");
		assertThat(overIt.status()).as(overIt.body()).isEqualTo(201);

		// another node records 13:00 to 14:00: this node's cached worklog would accept an
		// entry over it
		Instant start = Instant.parse("2026-11-16T13:00:00Z");
		appendElsewhere(new TimeEntryRecorded(recorded.tenantId(), recorded.userId(), recorded.week(),
				UUID.randomUUID().toString(), recorded.projectId(), null, null, start, start.plusSeconds(3600), 3600,
				recorded.billable(), recorded.zone(), "manual", recorded.userId()));
		long events = this.world.eventCount();
		Response overTheOther = this.world.record(this.world.worker, "2026-11-16T13:30:00Z", "2026-11-16T14:30:00Z");
		assertThat(TestWorld.isProblem(overTheOther, 409, "entry-overlaps")).as(overTheOther.body()).isTrue();
		assertThat(this.world.eventCount()).as("nothing stored for the rejected entry").isEqualTo(events);
	}

	@Test
	void withAnIdempotencyKey_aStaleDecisionIsTakenAgain_andLeavesNothingOfItInTheNodesMemory() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		TimeEntryRecorded recorded = lastEvent(TimeEntryRecorded.class);
		Instant start = Instant.parse("2026-11-16T13:00:00Z");
		appendElsewhere(new TimeEntryRecorded(recorded.tenantId(), recorded.userId(), recorded.week(),
				UUID.randomUUID().toString(), recorded.projectId(), null, null, start, start.plusSeconds(3600), 3600,
				recorded.billable(), recorded.zone(), "manual", recorded.userId()));
		long events = this.world.eventCount();

		Response overTheOther = this.api.post("/api/time-entries", this.world.worker, java.util.Map.of("projectId",
				this.world.projectId, "start", "2026-11-16T13:30:00Z", "end", "2026-11-16T14:30:00Z"),
				"stale-" + UUID.randomUUID());
		assertThat(TestWorld.isProblem(overTheOther, 409, "entry-overlaps")).as(overTheOther.body()).isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);

		// what the node decides on next is what is stored: the refused entry is not in it
		Response beside = this.world.record(this.world.worker, "2026-11-16T14:00:00Z", "2026-11-16T15:00:00Z");
		assertThat(beside.status()).as(beside.body()).isEqualTo(201);
	}

	private String aggregate() {
		return this.world.tenant + ":walt";
	}

	private <T> T lastEvent(Class<T> type) {
		return this.eventStore.readEvents(aggregate())
			.asStream()
			.map(DomainEventMessage::getPayload)
			.filter(type::isInstance)
			.map(type::cast)
			.reduce((a, b) -> b)
			.orElseThrow();
	}

	/** Appends an event as another node would, past this node's aggregate cache. */
	private void appendElsewhere(Object payload) {
		DomainEventMessage<?> last = this.eventStore.readEvents(aggregate())
			.asStream()
			.reduce((a, b) -> b)
			.orElseThrow();
		this.transactions.executeWithoutResult((status) -> this.eventStore.publish(
				new GenericDomainEventMessage<>(last.getType(), aggregate(), last.getSequenceNumber() + 1, payload)));
	}

}
