package dev.timeledger.command.project;

import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time tracked on an active project does not read the project directory again, and a
 * project changed on another node is never decided on as it was: the append finds the
 * change, and the command is decided again on what is stored.
 */
class RememberedProjectFactsIntegrationTests extends ApiTest {

	@Autowired
	JdbcProjectDirectory directory;

	@Test
	void entriesOnAnActiveProject_readItsFactsOnce() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		long reads = this.directory.reads();

		this.world.recordEntry("2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z");
		this.world.recordEntry("2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z");

		assertThat(this.directory.reads()).isEqualTo(reads);
		assertThat(this.world.payloads("TimeEntryRecorded")).hasSize(3);
	}

	@Test
	void aProjectArchivedOnAnotherNode_refusesTimeAtOnce_andStoresNothing() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		long events = this.world.eventCount();

		changeElsewhere("archived = true");
		Response refused = this.world.record(this.world.worker, "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z");

		assertThat(TestWorld.isProblem(refused, 409, "project-archived")).as(refused.body()).isTrue();
		assertThat(this.world.eventCount()).isEqualTo(events);
	}

	@Test
	void aProjectMadeNonBillableOnAnotherNode_givesNonBillableTimeAtOnce() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		changeElsewhere("billable = NOT billable");
		this.world.recordEntry("2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z");

		assertThat(this.jdbc
			.sql("SELECT (payload ->> 'billable')::boolean FROM domain_event_entry WHERE tenant_id = ?"
					+ " AND payload_type = 'TimeEntryRecorded' ORDER BY global_index")
			.param(this.world.tenant)
			.query(Boolean.class)
			.list()).as("billable, before and after the change").hasSize(2).doesNotHaveDuplicates();
	}

	@Test
	void aProjectArchivedOnAnotherNode_refusesTimeWithAnIdempotencyKeyToo() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		changeElsewhere("archived = true");
		Response refused = this.api.post("/api/time-entries", this.world.worker, java.util.Map.of("projectId",
				this.world.projectId, "start", "2026-11-16T10:00:00Z", "end", "2026-11-16T11:00:00Z"), "archived-key");

		assertThat(TestWorld.isProblem(refused, 409, "project-archived")).as(refused.body()).isTrue();
	}

	@Test
	void aCommandRefusedForAnotherReason_isDecidedAgainOnTheStoredFacts() {
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		changeElsewhere("archived = true");
		// overlaps the first entry, and the project is archived: the stored facts answer
		Response refused = this.world.record(this.world.worker, "2026-11-16T09:30:00Z", "2026-11-16T10:30:00Z");

		assertThat(TestWorld.isProblem(refused, 409, "project-archived")).as(refused.body()).isTrue();
	}

	/** Changes the directory's row as another node's project command does. */
	private void changeElsewhere(String change) {
		assertThat(this.jdbc.sql("UPDATE project_directory SET " + change + " WHERE project_id = ?")
			.param(this.world.projectId)
			.update()).isOne();
	}

}
