package dev.timeledger.web.eventstore;

import java.time.Instant;

import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worklog whose stream grows gets snapshots (every 10 events in tests), and its rules
 * still see everything recorded before the snapshot.
 */
class SnapshotIntegrationTests extends ApiTest {

	@Test
	void aLongWorklog_isSnapshotted_andStillEnforcesItsRules() {
		Instant monday = Instant.parse("2026-11-09T08:00:00Z");
		for (int i = 0; i < 25; i++) {
			Instant start = monday.plusSeconds(3600L * i);
			this.world.recordEntry(start.toString(), start.plusSeconds(1800).toString());
		}

		await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(snapshots()).isNotEmpty());
		String snapshot = this.jdbc.sql("SELECT payload::text FROM snapshot_event_entry WHERE aggregate_identifier = ?")
			.param(this.world.tenant + ":walt")
			.query(String.class)
			.list()
			.get(0);
		assertThat(snapshot).contains("\"worklogId\"").contains("2026-W46");

		assertThat(TestWorld.isProblem(this.world.record(this.world.worker, monday.plusSeconds(600).toString(),
				monday.plusSeconds(900).toString()), 409, "entry-overlaps"))
			.isTrue();
		assertThat(this.world
			.record(this.world.worker, monday.plusSeconds(2000).toString(), monday.plusSeconds(2100).toString())
			.status()).isEqualTo(201);
	}

	private java.util.List<Long> snapshots() {
		return this.jdbc.sql("SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?")
			.param(this.world.tenant + ":walt")
			.query(Long.class)
			.list();
	}

}
