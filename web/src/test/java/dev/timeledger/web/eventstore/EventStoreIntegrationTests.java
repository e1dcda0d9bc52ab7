package dev.timeledger.web.eventstore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.timeledger.events.EventCatalog;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the event table holds: readable JSON under public names, in commit order. */
class EventStoreIntegrationTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void events_areReadableJson_withPublicNamesTenantAndActor() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT payload_type, payload_revision, pg_typeof(payload)::text AS column_type,
				       payload ->> 'tenantId' AS tenant, payload ->> 'actorId' AS actor, payload ->> 'start' AS start
				FROM domain_event_entry WHERE tenant_id = ? ORDER BY global_index""")
			.param(this.world.tenant)
			.query()
			.listOfRows();

		assertThat(rows).extracting((row) -> row.get("payload_type"))
			.containsExactly("ProjectCreated", "TimeEntryRecorded");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("column_type")).isEqualTo("jsonb");
			assertThat(row.get("payload_revision")).isEqualTo("1");
			assertThat(row.get("tenant")).isEqualTo(this.world.tenant);
			assertThat(EventCatalog.byName((String) row.get("payload_type"))).isPresent();
		});
		assertThat(rows.get(0).get("actor")).isEqualTo("mia");
		assertThat(rows.get(1).get("actor")).isEqualTo("walt");
		assertThat(rows.get(1).get("start")).isEqualTo("2026-11-16T09:00:00Z");
	}

	@Test
	void globalIndex_growsByOnePerEvent_evenAfterARefusedWrite() {
		Response first = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		Response refused = this.world.record(this.world.worker, "2026-11-16T09:30:00Z", "2026-11-16T10:30:00Z");
		Response second = this.world.record(this.world.worker, "2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z");
		Response third = this.world.record(this.world.otherWorker, "2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(second.position()).isEqualTo(first.position() + 1);
		assertThat(third.position()).isEqualTo(second.position() + 1);
	}

	@Test
	void appendsWaitForAnOpenAppend_soPositionsFollowCommitOrder() throws Exception {
		try (Connection held = this.dataSource.getConnection(); Statement statement = held.createStatement()) {
			held.setAutoCommit(false);
			statement.execute("SELECT pg_advisory_xact_lock(" + PostgresEventStorageEngine.APPEND_LOCK + ")");
			CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(
					() -> this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z"));

			Thread.sleep(500);
			assertThat(waiting).isNotDone();
			held.commit();

			assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
		}
	}

	@Test
	void anAppendLockLeftHeldByAStuckTransaction_isFreedByTheDatabase() throws Exception {
		try (Connection stuck = this.dataSource.getConnection(); Statement statement = stuck.createStatement()) {
			// every connection of the pool carries the bound (application.yml)
			try (ResultSet setting = statement.executeQuery("SHOW idle_in_transaction_session_timeout")) {
				setting.next();
				assertThat(setting.getString(1)).isEqualTo("1min");
			}
			stuck.setAutoCommit(false);
			// the same bound, shortened for this transaction only, so the test is quick
			statement.execute("SET LOCAL idle_in_transaction_session_timeout = '500ms'");
			statement.execute("SELECT pg_advisory_xact_lock(" + PostgresEventStorageEngine.APPEND_LOCK + ")");
			long idleSince = System.nanoTime();

			Response waited = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

			assertThat(waited.status()).as(waited.body()).isEqualTo(201);
			assertThat(System.nanoTime() - idleSince).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
			assertThat(this.world.payloads("TimeEntryRecorded")).hasSize(1);
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute("SELECT 1"));
		}
	}

	@Test
	void anAppendThatLostTheRaceForASequence_storesNothingOfItsTransaction_andTakesNoPosition() {
		Response first = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		Map<String, Object> stored = this.jdbc
			.sql("SELECT aggregate_identifier, sequence_number FROM domain_event_entry WHERE global_index = ?")
			.param(first.position())
			.query()
			.singleRow();
		String aggregate = (String) stored.get("aggregate_identifier");
		DomainEventMessage<?> last = this.eventStore.readEvents(aggregate).asStream().reduce((a, b) -> b).orElseThrow();
		// what another node would append with the aggregate as it was before the last
		// event
		DomainEventMessage<?> stale = new GenericDomainEventMessage<>(last.getType(), aggregate,
				(Long) stored.get("sequence_number"), last.getPayload());

		assertThatExceptionOfType(ConcurrencyException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
				// a write of the same transaction, before the append (as a command's
				// handlers do)
				this.jdbc.sql("INSERT INTO idempotency_key (tenant_id, user_id, key, fingerprint) VALUES (?, ?, ?, ?)")
					.params(this.world.tenant, "walt", "lost-race", "-")
					.update();
				this.eventStore.publish(stale);
			}))
			.withMessageContaining(aggregate);

		assertThat(this.jdbc.sql("SELECT count(*) FROM idempotency_key WHERE tenant_id = ?")
			.param(this.world.tenant)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(aggregate)
			.query(Long.class)
			.single()).isEqualTo((Long) stored.get("sequence_number") + 1);
		Response next = this.world.record(this.world.worker, "2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z");
		assertThat(next.position()).isEqualTo(first.position() + 1);
	}

	@Test
	void aSynchronizationWithWorkBeforeTheCommit_afterTheAppend_keepsTheTransactionWhole() {
		Response first = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		DomainEventMessage<?> last = lastEventAt(first.position());
		DomainEventMessage<?> next = new GenericDomainEventMessage<>(last.getType(), last.getAggregateIdentifier(),
				last.getSequenceNumber() + 1, last.getPayload());

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
				this.eventStore.publish(next);
				// registered after the append's own, so its beforeCommit runs after it
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void beforeCommit(boolean readOnly) {
						throw new IllegalStateException("refused before the commit");
					}
				});
			}))
			.withMessage("refused before the commit");

		assertThat(this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(last.getAggregateIdentifier())
			.query(Long.class)
			.single()).isEqualTo(last.getSequenceNumber() + 1);
		Response after = this.world.record(this.world.worker, "2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z");
		assertThat(after.status()).as(after.body()).isEqualTo(201);
	}

	private DomainEventMessage<?> lastEventAt(long position) {
		String aggregate = this.jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ?")
			.param(position)
			.query(String.class)
			.single();
		return this.eventStore.readEvents(aggregate).asStream().reduce((a, b) -> b).orElseThrow();
	}

}
