package dev.timeledger.web.feed;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.TestWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrations read every event of their tenant once, in order, and resume by position.
 */
class EventFeedIntegrationTests extends ApiTest {

	@Test
	void pagingFromZero_returnsEveryEventOfTheTenantOnceInOrder() {
		String integration = this.api.token(this.world.tenant, "payroll", "integration");
		List<Long> written = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			java.time.Instant start = java.time.Instant.parse("2026-11-16T08:00:00Z").plusSeconds(3600L * i);
			Response recorded = this.world.record(this.world.worker, start.toString(),
					start.plusSeconds(1800).toString());
			assertThat(recorded.status()).isEqualTo(201);
			written.add(recorded.position());
		}
		new TestWorld(this.api, this.jdbc).recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		List<JsonNode> events = new ArrayList<>();
		long after = 0;
		for (int pages = 0; pages < 10; pages++) {
			JsonNode page = this.api.get("/api/events?limit=3&after=" + after, integration).json();
			page.get("events").forEach(events::add);
			if (page.get("events").isEmpty()) {
				break;
			}
			after = page.get("next").asLong();
		}

		assertThat(events).extracting((event) -> event.get("type").asText()).first().isEqualTo("ProjectCreated");
		assertThat(events).hasSize(8);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("data").get("tenantId").asText()).isEqualTo(this.world.tenant);
			assertThat(event.get("revision").isInt()).as("a count").isTrue();
			assertThat(event.get("revision").asInt()).isEqualTo(1);
			assertThat(event.get("eventId").asText()).isNotBlank();
			assertThat(event.get("actor").asText()).isNotBlank();
			assertThat(event.get("occurredAt").asText()).isNotBlank();
		});
		List<Long> positions = events.stream().map((event) -> event.get("position").asLong()).toList();
		assertThat(positions).isSorted().doesNotHaveDuplicates().containsAll(written);
		assertThat(events.get(1).get("aggregateId").asText()).isEqualTo(this.world.tenant + ":walt");
	}

	@Test
	void typesFilter_limitsAndRoles_areApplied() {
		String integration = this.api.token(this.world.tenant, "payroll", "integration");
		this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
		this.api.post("/api/timesheets/me/2026-W47/submission", this.world.worker, null);

		JsonNode submitted = this.api.get("/api/events?types=TimesheetSubmitted", integration).json();

		assertThat(submitted.get("events")).extracting((event) -> event.get("type").asText())
			.containsExactly("TimesheetSubmitted");
		assertThat(TestWorld.isProblem(this.api.get("/api/events?types=Nope", integration), 400, "validation-failed"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.get("/api/events?limit=1001", integration), 400, "validation-failed"))
			.isTrue();
		assertThat(TestWorld.isProblem(this.api.get("/api/events", this.world.worker), 403, "forbidden")).isTrue();
		assertThat(this.api.get("/api/events", this.api.token(this.world.tenant, "ada", "admin")).status())
			.isEqualTo(200);
	}

	@Test
	void theStream_sendsTheBacklogThenLiveEvents_andResumesFromLastEventId() throws Exception {
		String integration = this.api.token(this.world.tenant, "payroll", "integration");
		Response first = this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

		List<String[]> received = new ArrayList<>();
		try (Stream stream = Stream.open(this.port, integration, null)) {
			received.add(stream.next());
			received.add(stream.next());
			Response live = this.world.record(this.world.worker, "2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z");
			String[] event = stream.next();
			assertThat(event[0]).isEqualTo(Long.toString(live.position()));
			assertThat(event[1]).isEqualTo("TimeEntryRecorded");
		}
		assertThat(received.get(0)[1]).isEqualTo("ProjectCreated");
		assertThat(received.get(1)[0]).isEqualTo(Long.toString(first.position()));

		Response missed = this.world.record(this.world.worker, "2026-11-16T13:00:00Z", "2026-11-16T14:00:00Z");
		try (Stream stream = Stream.open(this.port, integration, received.get(1)[0])) {
			String[] afterResume = stream.next();
			assertThat(Long.parseLong(afterResume[0])).isGreaterThan(first.position());
			assertThat(Long.parseLong(afterResume[0])).isLessThanOrEqualTo(missed.position());
		}
	}

	/** A Server-Sent Events reader: id and event name of each event. */
	private static final class Stream implements AutoCloseable {

		private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();

		private final CompletableFuture<Void> reading;

		private volatile java.io.InputStream body;

		private Stream(int port, String token, String lastEventId) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events/stream"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "text/event-stream");
			if (lastEventId != null) {
				request.header("Last-Event-ID", lastEventId);
			}
			this.reading = HttpClient.newHttpClient()
				.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
				.thenAccept((response) -> read(response.body()));
		}

		static Stream open(int port, String token, String lastEventId) {
			return new Stream(port, token, lastEventId);
		}

		String[] next() throws InterruptedException {
			String[] event = this.events.poll(10, TimeUnit.SECONDS);
			assertThat(event).as("an event within 10 s").isNotNull();
			return event;
		}

		private void read(java.io.InputStream stream) {
			this.body = stream;
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String id = null;
				String name = null;
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.startsWith("id:")) {
						id = line.substring(3).trim();
					}
					else if (line.startsWith("event:")) {
						name = line.substring(6).trim();
					}
					else if (line.isEmpty() && id != null) {
						this.events.add(new String[] { id, name });
						id = null;
						name = null;
					}
				}
			}
			catch (Exception ex) {
				// closed by the test
			}
		}

		@Override
		public void close() throws Exception {
			if (this.body != null) {
				this.body.close();
			}
			this.reading.cancel(true);
			Thread.sleep(Duration.ofMillis(50).toMillis());
		}

	}

}
