package dev.timeledger.web.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.events.IsoWeek;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/dev/demo} in local mode: the demo data set is stored as real events through
 * the command path, readable through the reports, and loaded only once.
 */
class DemoIntegrationTests extends ApiTest {

	@Test
	void load_storesTheDemoAsEvents_andASecondLoadAnswers409AndStoresNothing() throws InterruptedException {
		JsonNode before = this.api.get("/api/dev/demo", null).json();
		assertThat(before.get("tenant").asText()).isEqualTo("demo");
		assertThat(before.get("loaded").asBoolean()).isFalse();
		assertThat(before.get("users").findValuesAsText("user")).containsExactly("demo-worker", "demo-manager",
				"demo-designer", "demo-admin");

		Response loaded = this.api.post("/api/dev/demo", null, null);

		assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
		assertThat(loaded.json().get("projects").asInt()).isEqualTo(3);
		assertThat(loaded.json().get("entries").asInt()).isGreaterThanOrEqualTo(15);
		assertThat(types()).contains("ProjectCreated", "TimeEntryRecorded", "TimesheetSubmitted", "TimesheetApproved",
				"TimesheetAnnotated");
		assertThat(count("TimesheetApproved")).isEqualTo(1);
		assertThat(count("TimesheetSubmitted")).isEqualTo(2);
		assertThat(count("TimesheetAnnotated")).isEqualTo(1);
		String lastWeek = IsoWeek.containing(Instant.now(), ZoneOffset.UTC).previous().toString();
		String manager = this.api.token("demo", "demo-manager", "manager", "admin");
		Response read = readConsistently("/api/reports/team-weekly?week=" + lastWeek, loaded.position(), manager);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode team = read.json();
		assertThat(team.get("rows").findValuesAsText("userId")).containsExactly("demo-designer", "demo-worker");
		assertThat(team.get("rows").findValuesAsText("status")).containsExactly("submitted", "approved");
		assertThat(team.get("totalSeconds").asLong()).isPositive();

		long events = eventCount();
		Response again = this.api.post("/api/dev/demo", null, null);

		assertThat(TestWorld.isProblem(again, 409, "demo-already-loaded")).as(again.body()).isTrue();
		assertThat(again.json().get("detail").asText()).contains("already loaded");
		assertThat(eventCount()).isEqualTo(events);
		assertThat(this.api.get("/api/dev/demo", null).json().get("loaded").asBoolean()).isTrue();
	}

	/**
	 * A read consistent with a position, retried as a client would while the projection
	 * is still behind (503): a busy machine may need more than the server's bounded wait.
	 */
	private Response readConsistently(String path, long position, String token) throws InterruptedException {
		Response read = this.api.get(path + "&consistentWith=" + position, token);
		for (int attempt = 1; read.status() == 503 && attempt < 5; attempt++) {
			Thread.sleep(1000);
			read = this.api.get(path + "&consistentWith=" + position, token);
		}
		return read;
	}

	private List<String> types() {
		return this.jdbc.sql("SELECT DISTINCT payload_type FROM domain_event_entry WHERE tenant_id = 'demo'")
			.query(String.class)
			.list();
	}

	private long count(String type) {
		return this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE tenant_id = 'demo' AND payload_type = ?")
			.param(type)
			.query(Long.class)
			.single();
	}

	private long eventCount() {
		return this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE tenant_id = 'demo'")
			.query(Long.class)
			.single();
	}

}
