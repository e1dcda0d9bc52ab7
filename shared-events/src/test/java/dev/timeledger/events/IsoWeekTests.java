package dev.timeledger.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IsoWeekTests {

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	@Test
	void canParseWeek() {
		IsoWeek week = IsoWeek.parse("2026-W47");

		assertThat(week.year()).isEqualTo(2026);
		assertThat(week.week()).isEqualTo(47);
		assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 16));
		assertThat(week).hasToString("2026-W47");
	}

	@Test
	void canParseFirstWeekWithLeadingZero() {
		assertThat(IsoWeek.parse("2026-W01").monday()).isEqualTo(LocalDate.of(2025, 12, 29));
		assertThat(new IsoWeek(2026, 1)).hasToString("2026-W01");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2020-W53", "2026-W53", "2015-W53" })
	void canParseWeek53OfYearsThatHaveIt(String text) {
		assertThat(IsoWeek.parse(text).week()).isEqualTo(53);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-W53", "2021-W53", "2027-W53" })
	void cannotParseWeek53OfYearsWithout(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> IsoWeek.parse(text)).withMessageContaining("no week 53");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "2026-47", "2026-W7", "2026-w47", "26-W47", "2026-W470", " 2026-W47", "2026-W47 ",
			"2026W47", "2026-W00", "2026-W54", "0999-W01" })
	void cannotParseMalformedOrMissingWeek(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> IsoWeek.parse(text));
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-22T23:59:59Z, UTC, 2026-W47", "2026-11-23T00:00:00Z, UTC, 2026-W48",
			"2026-11-22T12:00:00Z, Pacific/Auckland, 2026-W48", "2026-11-22T12:00:00Z, UTC, 2026-W47",
			"2026-11-23T05:00:00Z, America/Los_Angeles, 2026-W47", "2026-11-22T22:59:59Z, Europe/Berlin, 2026-W47",
			"2026-11-22T23:00:00Z, Europe/Berlin, 2026-W48" })
	void canFindWeekContainingInstantInZone(Instant instant, ZoneId zone, String expected) {
		assertThat(IsoWeek.containing(instant, zone)).hasToString(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2027-01-01T12:00:00Z, UTC, 2026-W53", "2027-01-03T23:59:59Z, UTC, 2026-W53",
			"2027-01-04T00:00:00Z, UTC, 2027-W01", "2024-12-30T00:00:00Z, UTC, 2025-W01",
			"2021-01-03T12:00:00Z, UTC, 2020-W53", "2024-12-29T11:00:00Z, Pacific/Auckland, 2025-W01",
			"2025-01-01T03:00:00Z, America/Los_Angeles, 2025-W01", "2026-01-04T12:00:00Z, UTC, 2026-W01" })
	void canFindWeekContainingInstantAtYearBoundaries(Instant instant, ZoneId zone, String expected) {
		assertThat(IsoWeek.containing(instant, zone)).hasToString(expected);
	}

	@Test
	void canGiveStartAndEndOfWeekInUtc() {
		IsoWeek week = IsoWeek.parse("2026-W47");

		assertThat(week.start(UTC)).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
		assertThat(week.end(UTC)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
	}

	@Test
	void canGiveStartAndEndOfWeekInZoneAheadOfUtc() {
		IsoWeek week = IsoWeek.parse("2026-W47");

		assertThat(week.start(BERLIN)).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
		assertThat(week.end(BERLIN)).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
		assertThat(week.start(AUCKLAND)).isEqualTo(Instant.parse("2026-11-15T11:00:00Z"));
	}

	@Test
	void canGiveStartAndEndOfWeekInZoneBehindUtc() {
		IsoWeek week = IsoWeek.parse("2026-W47");

		assertThat(week.start(LOS_ANGELES)).isEqualTo(Instant.parse("2026-11-16T08:00:00Z"));
		assertThat(week.end(LOS_ANGELES)).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
	}

	@Test
	void canGiveStartAndEndOfWeekWithDaylightSavingChange() {
		IsoWeek week = IsoWeek.parse("2026-W13");

		assertThat(week.start(BERLIN)).isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
		assertThat(week.end(BERLIN)).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
		assertThat(Duration.between(week.start(BERLIN), week.end(BERLIN))).isEqualTo(Duration.ofHours(7 * 24 - 1));
	}

	@Test
	void canGiveEndThatIsStartOfNextWeek() {
		IsoWeek week = IsoWeek.parse("2026-W43");

		assertThat(week.end(BERLIN)).isEqualTo(week.next().start(BERLIN));
		assertThat(Duration.between(week.start(BERLIN), week.end(BERLIN))).isEqualTo(Duration.ofHours(7 * 24 + 1));
	}

	@ParameterizedTest
	@CsvSource({ "2026-W47, 2026-W48", "2026-W52, 2026-W53", "2026-W53, 2027-W01", "2025-W52, 2026-W01",
			"2020-W53, 2021-W01" })
	void canGoToNextAndPreviousWeek(String week, String following) {
		assertThat(IsoWeek.parse(week).next()).isEqualTo(IsoWeek.parse(following));
		assertThat(IsoWeek.parse(following).previous()).isEqualTo(IsoWeek.parse(week));
	}

	@Test
	void canOrderWeeksAcrossYears() {
		assertThat(IsoWeek.parse("2025-W52")).isLessThan(IsoWeek.parse("2026-W01"));
		assertThat(IsoWeek.parse("2026-W09")).isLessThan(IsoWeek.parse("2026-W10"));
		assertThat(IsoWeek.parse("2026-W10")).isEqualByComparingTo(new IsoWeek(2026, 10));
	}

	@ParameterizedTest
	@CsvSource({ "999, 1", "10000, 1", "2026, 0", "2026, 54" })
	void cannotCreateWeekOutsideItsRange(int year, int week) {
		assertThatIllegalArgumentException().isThrownBy(() -> new IsoWeek(year, week));
	}

}
