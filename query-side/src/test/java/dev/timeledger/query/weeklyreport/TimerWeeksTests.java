package dev.timeledger.query.weeklyreport;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimerWeeksTests {

	private static final ZoneId UTC = ZoneOffset.UTC;

	private static final Instant SUNDAY_NIGHT_W47 = Instant.parse("2026-11-22T23:00:00Z");

	private static final Instant TUESDAY_W50 = Instant.parse("2026-12-08T10:00:00Z");

	@Test
	void anEventInTheStartWeek_changesThatWeek() {
		assertThat(TimerWeeks.changedBy(SUNDAY_NIGHT_W47, Instant.parse("2026-11-22T23:30:00Z"), UTC))
			.containsExactly("2026-W47");
	}

	@Test
	void anEventInALaterWeek_changesTheStartWeekAndTheEventsWeek() {
		assertThat(TimerWeeks.changedBy(SUNDAY_NIGHT_W47, TUESDAY_W50, UTC)).containsExactly("2026-W47", "2026-W50");
	}

	@Test
	void aTimerRunningForYears_stillChangesTwoWeeks() {
		assertThat(TimerWeeks.changedBy(Instant.parse("2000-01-05T09:00:00Z"), TUESDAY_W50, UTC))
			.containsExactly("2000-W01", "2026-W50");
	}

	@Test
	void theWeeksFollowTheTimersZone() {
		// 23:00 UTC on Sunday is Monday 00:00 in Berlin
		assertThat(TimerWeeks.changedBy(SUNDAY_NIGHT_W47, Instant.parse("2026-11-22T23:30:00Z"),
				ZoneId.of("Europe/Berlin")))
			.containsExactly("2026-W48");
	}

	@Test
	void aStartUpToAMinuteAhead_changesTheStartWeek() {
		// a start may lie up to a minute of clock skew after the event that records it
		assertThat(TimerWeeks.changedBy(SUNDAY_NIGHT_W47.plusSeconds(3600), SUNDAY_NIGHT_W47.plusSeconds(3570), UTC))
			.containsExactly("2026-W48");
	}

	@Test
	void aRunningTimerIsShownInItsStartWeekAndTheCurrentWeek_notInBetweenOrLater() {
		assertThat(TimerWeeks.shows("2026-W47", SUNDAY_NIGHT_W47, TUESDAY_W50, UTC)).isTrue();
		assertThat(TimerWeeks.shows("2026-W50", SUNDAY_NIGHT_W47, TUESDAY_W50, UTC)).isTrue();
		assertThat(TimerWeeks.shows("2026-W48", SUNDAY_NIGHT_W47, TUESDAY_W50, UTC)).isFalse();
		assertThat(TimerWeeks.shows("2026-W51", SUNDAY_NIGHT_W47, TUESDAY_W50, UTC)).isFalse();
		assertThat(TimerWeeks.shows("2026-W46", SUNDAY_NIGHT_W47, TUESDAY_W50, UTC)).isFalse();
	}

	@Test
	void aTimerStartedJustAheadOfTheWeeksEnd_isNotShownInTheWeekBefore() {
		Instant nextMonday = Instant.parse("2026-11-23T00:00:30Z");
		assertThat(TimerWeeks.shows("2026-W47", nextMonday, SUNDAY_NIGHT_W47.plusSeconds(3590), UTC)).isFalse();
		assertThat(TimerWeeks.shows("2026-W48", nextMonday, SUNDAY_NIGHT_W47.plusSeconds(3590), UTC)).isTrue();
	}

}
