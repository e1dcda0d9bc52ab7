package dev.timeledger.web.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.timeledger.command.worklog.AnnotateTimesheet;
import dev.timeledger.command.worklog.ApproveTimesheet;
import dev.timeledger.command.worklog.RecordTimeEntry;
import dev.timeledger.command.worklog.SubmitTimesheet;
import dev.timeledger.events.IsoWeek;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo plan at any moment of a week: only past time, and the same decisions. */
class DemoPlanTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-16T00:30:00Z", "2026-11-18T12:00:00Z", "2026-11-22T23:59:00Z" })
	void plan_recordsOnlyTimeBeforeToday_inThisAndThePreviousWeek(String at) {
		Instant now = Instant.parse(at);
		IsoWeek thisWeek = IsoWeek.containing(now, ZoneOffset.UTC);

		List<Object> commands = DemoPlan.commands(now);

		List<RecordTimeEntry> entries = commands.stream()
			.filter(RecordTimeEntry.class::isInstance)
			.map(RecordTimeEntry.class::cast)
			.toList();
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.end()).isBefore(
					now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(1));
			assertThat(IsoWeek.containing(entry.start(), ZoneOffset.UTC)).isIn(thisWeek, thisWeek.previous());
		});
		assertThat(entries)
			.filteredOn((entry) -> IsoWeek.containing(entry.start(), ZoneOffset.UTC).equals(thisWeek.previous()))
			.hasSize(15);
		assertThat(commands).filteredOn(SubmitTimesheet.class::isInstance).hasSize(2);
		assertThat(commands).filteredOn(ApproveTimesheet.class::isInstance).hasSize(1);
		assertThat(commands).filteredOn(AnnotateTimesheet.class::isInstance).hasSize(1);
	}

}
