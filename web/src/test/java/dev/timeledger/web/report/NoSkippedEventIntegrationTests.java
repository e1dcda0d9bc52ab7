package dev.timeledger.web.report;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.eventstore.HandAppends;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer that holds its append transaction open past the processors' gap timeout (1 s
 * in tests) is never skipped: appends are serialized, so the writers behind it wait, and
 * the late event is projected in order. A rolled-back append leaves a hole that stalls
 * nothing.
 */
class NoSkippedEventIntegrationTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Test
	void anAppendHeldOpenPastTheGapTimeout_isProjected_andTheWritersBehindItToo() throws Exception {
		CompletableFuture<List<Response>> behind;
		long heldPosition;
		try (Connection held = this.dataSource.getConnection()) {
			held.setAutoCommit(false);
			heldPosition = appendByHand(held, "gus");
			behind = CompletableFuture.supplyAsync(
					() -> List.of(this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z"),
							this.world.record(this.world.otherWorker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z")));
			Thread.sleep(2500);
			assertThat(behind).as("writers behind the open append wait for it").isNotDone();
			held.commit();
		}
		List<Response> written = behind.get(30, TimeUnit.SECONDS);
		assertThat(written).allSatisfy((response) -> assertThat(response.status()).isEqualTo(201));
		assertThat(written).allSatisfy((response) -> assertThat(response.position()).isGreaterThan(heldPosition));
		long last = written.stream().mapToLong(Response::position).max().orElseThrow();

		String manager = this.world.manager;
		JsonNode gus = this.api.get("/api/reports/weekly?user=gus&week=2026-W47&consistentWith=" + last, manager)
			.json();
		JsonNode walt = this.api.get("/api/reports/weekly?user=walt&week=2026-W47&consistentWith=" + last, manager)
			.json();

		assertThat(gus.get("totalSeconds").asLong()).isEqualTo(5400);
		assertThat(gus.get("position").asLong()).isGreaterThanOrEqualTo(last);
		assertThat(walt.get("totalSeconds").asLong()).isEqualTo(3600);
	}

	@Test
	void aRolledBackAppend_leavesAHoleThatStallsNothing() throws Exception {
		try (Connection rolledBack = this.dataSource.getConnection()) {
			rolledBack.setAutoCommit(false);
			appendByHand(rolledBack, "ron");
			rolledBack.rollback();
		}

		Response recorded = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		Response report = this.api.get("/api/reports/weekly?week=2026-W47&consistentWith=" + recorded.position(),
				this.world.worker);

		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json().get("totalSeconds").asLong()).isEqualTo(3600);
	}

	/** Appends an entry of 90 minutes for a new worker the way the event store does. */
	private long appendByHand(Connection connection, String user) throws Exception {
		String payload = """
				{"tenantId":"%s","userId":"%s","week":"2026-W47","entryId":"%s","projectId":"%s","task":null,
				 "description":null,"start":"2026-11-17T09:00:00Z","end":"2026-11-17T10:30:00Z","durationSeconds":5400,
				 "billable":true,"zone":"UTC","source":"manual","actorId":"%s"}""".formatted(this.world.tenant, user,
				UUID.randomUUID(), this.world.projectId, user);
		return HandAppends.firstWorklogEvent(connection, this.world.tenant, user, "TimeEntryRecorded", "1", payload);
	}

}
