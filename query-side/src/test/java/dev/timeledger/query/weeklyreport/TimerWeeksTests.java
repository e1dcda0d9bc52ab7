package dev.timeledger.query.weeklyreport;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimerWeeksTests {

	private static final ZoneId UTC = ZoneOffset.UTC;

	private static final Instant SUNDAY_NIGHT_W47 = Instant.parse("2026-11-22T23:00:00Z");

	@Test
	void anEventInTheStartWeek_changesThatWeek() {
		assertThat(TimerWeeks.between(SUNDAY_NIGHT_W47, Instant.parse("2026-11-22T23:30:00Z"), UTC))
			.containsExactly("2026-W47");
	}

	@Test
	void anEventInALaterWeek_changesEveryWeekFromTheStartWeekOn() {
		assertThat(TimerWeeks.between(SUNDAY_NIGHT_W47, Instant.parse("2026-12-08T10:00:00Z"), UTC))
			.containsExactly("2026-W47", "2026-W48", "2026-W49", "2026-W50");
	}

	@Test
	void theWeeksFollowTheTimersZone() {
		// 23:00 UTC on Sunday is Monday 00:00 in Berlin
		assertThat(
				TimerWeeks.between(SUNDAY_NIGHT_W47, Instant.parse("2026-11-22T23:30:00Z"), ZoneId.of("Europe/Berlin")))
			.containsExactly("2026-W48");
	}

	@Test
	void aStartUpToAMinuteAhead_changesTheStartWeek() {
		// a start may lie up to a minute of clock skew after the event that records it
		assertThat(TimerWeeks.between(SUNDAY_NIGHT_W47.plusSeconds(3600), SUNDAY_NIGHT_W47.plusSeconds(3570), UTC))
			.containsExactly("2026-W48");
	}

	@Test
	void aTimerRunningForYears_changesItsStartWeekAndTheLatestWeeks_atMostAYearOfThem() {
		assertThat(
				TimerWeeks.between(Instant.parse("2020-01-06T09:00:00Z"), Instant.parse("2026-11-23T09:00:00Z"), UTC))
			.hasSize(TimerWeeks.MAX)
			.startsWith("2020-W02", "2025-W49")
			.endsWith("2026-W47", "2026-W48")
			.doesNotHaveDuplicates();
	}

}
