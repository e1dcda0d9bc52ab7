package dev.timeledger.web.eventstore;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.timeledger.events.EventCatalog;
import dev.timeledger.events.operations.ParkedEventsReleased;
import dev.timeledger.events.project.ProjectArchived;
import dev.timeledger.events.project.ProjectBillabilityChanged;
import dev.timeledger.events.project.ProjectClientChanged;
import dev.timeledger.events.project.ProjectCreated;
import dev.timeledger.events.project.ProjectRateChanged;
import dev.timeledger.events.project.ProjectRenamed;
import dev.timeledger.events.project.ProjectRestored;
import dev.timeledger.events.timer.TimerDiscarded;
import dev.timeledger.events.timer.TimerStarted;
import dev.timeledger.events.timer.TimerStopped;
import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetAnnotated;
import dev.timeledger.events.timesheet.TimesheetApproved;
import dev.timeledger.events.timesheet.TimesheetRejected;
import dev.timeledger.events.timesheet.TimesheetReopened;
import dev.timeledger.events.timesheet.TimesheetSubmitted;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the stored JSON of every event: the files under {@code approved-events/} are the
 * public contract. A change that breaks one needs a new revision and an upcaster, not a
 * new file.
 */
class EventJsonApprovalTests {

	private static final Path APPROVED = Path.of("src/test/resources/approved-events");

	private static final String TENANT = "acme";

	private static final String ENTRY = "5b0c7d1e-7a43-4d3e-9a55-2d8f0b1e6c01";

	private static final String PROJECT = "0f7d3c2a-8e44-4b61-a1d2-6c1f5e9b7a10";

	private static final Instant START = Instant.parse("2026-11-16T09:00:00Z");

	private static final Instant END = Instant.parse("2026-11-16T10:30:00Z");

	private final Serializer serializer = new PublicNameSerializer(
			JacksonSerializer.builder().objectMapper(EventJson.events()).build(), EventJson.events());

	private final ObjectMapper pretty = EventJson.events()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

	static Stream<Object> samples() {
		return Stream.of(
				new ProjectCreated(TENANT, PROJECT, "Apollo", "NASA", true, new BigDecimal("120.50"), "EUR", "mia"),
				new ProjectRenamed(TENANT, PROJECT, "Apollo 11", "mia"),
				new ProjectClientChanged(TENANT, PROJECT, null, "mia"),
				new ProjectBillabilityChanged(TENANT, PROJECT, false, "mia"),
				new ProjectRateChanged(TENANT, PROJECT, new BigDecimal("130.00"), "EUR",
						Instant.parse("2026-12-01T00:00:00Z"), "mia"),
				new ProjectArchived(TENANT, PROJECT, "mia"), new ProjectRestored(TENANT, PROJECT, "mia"),
				new TimerStarted(TENANT, "walt", ENTRY, PROJECT, "design", "wireframes", START, "Europe/Berlin",
						"walt"),
				new TimerStopped(TENANT, "walt", ENTRY, START, END, 5400, "walt"),
				new TimerDiscarded(TENANT, "walt", ENTRY, START, "walt"),
				new TimeEntryRecorded(TENANT, "walt", "2026-W47", ENTRY, PROJECT, "design", "wireframes", START, END,
						5400, true, "Europe/Berlin", "timer", "walt"),
				new TimeEntryAmended(TENANT, "walt", "2026-W48", "2026-W47", ENTRY, PROJECT, "review", null,
						START.plusSeconds(604800), END.plusSeconds(604800), 5400, false, "Europe/Berlin", "walt"),
				new TimeEntryDeleted(TENANT, "walt", "2026-W47", ENTRY, "walt"),
				new TimesheetSubmitted(TENANT, "walt", "2026-W47", "walt"),
				new TimesheetApproved(TENANT, "walt", "2026-W47", "looks right", "mia"),
				new TimesheetRejected(TENANT, "walt", "2026-W47", "Tuesday is missing", "mia"),
				new TimesheetAnnotated(TENANT, "walt", "2026-W47", "a1f0c9d2-3b4e-4f5a-8c6d-7e8f9a0b1c2d",
						"which ticket?", ENTRY, "mia"),
				new TimesheetReopened(TENANT, "walt", "2026-W47", "typo in Friday", "mia"),
				new ParkedEventsReleased("weekly-report", "acme:walt/2026-W47", "otto"));
	}

	@ParameterizedTest
	@MethodSource("samples")
	void storedJson_matchesTheApprovedFile(Object event) throws IOException {
		SerializedObject<String> stored = this.serializer.serialize(event, String.class);
		String name = stored.getType().getName();
		Path approved = APPROVED.resolve(name + ".json");
		String actual = this.pretty.writeValueAsString(this.pretty.readTree(stored.getData())) + "\n";
		if (!Files.exists(approved)) {
			Files.createDirectories(APPROVED);
			Files.writeString(APPROVED.resolve(name + ".received.json"), actual);
		}

		assertThat(approved).as("approved file for " + name).exists();
		assertThat(actual).isEqualTo(Files.readString(approved, StandardCharsets.UTF_8));
		assertThat(stored.getType().getRevision()).isEqualTo("1");
		assertThat((Object) this.serializer.deserialize(stored)).isEqualTo(event);
	}

	@Test
	void everyEventTypeHasASampleAndAnApprovedFile() {
		List<String> sampled = samples().map((event) -> event.getClass().getSimpleName()).toList();

		assertThat(EventCatalog.all()).allSatisfy((type) -> {
			assertThat(sampled).contains(type.name());
			assertThat(APPROVED.resolve(type.name() + ".json")).exists();
		});
	}

}
