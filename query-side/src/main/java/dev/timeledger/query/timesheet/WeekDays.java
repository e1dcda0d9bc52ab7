package dev.timeledger.query.timesheet;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.timeledger.events.IsoWeek;

/** Splits an entry's time over the days of its week, in the zone it was recorded in. */
public final class WeekDays {

	private WeekDays() {
	}

	/**
	 * Seconds on Monday to Sunday of {@code week} that the time from start to end covers.
	 */
	public static long[] split(String week, Instant start, Instant end, String zone) {
		ZoneId zoneId = ZoneId.of(zone);
		LocalDate monday = IsoWeek.parse(week).monday();
		long[] days = new long[7];
		for (int day = 0; day < 7; day++) {
			Instant dayStart = monday.plusDays(day).atStartOfDay(zoneId).toInstant();
			Instant dayEnd = monday.plusDays(day + 1).atStartOfDay(zoneId).toInstant();
			Instant from = start.isAfter(dayStart) ? start : dayStart;
			Instant until = end.isBefore(dayEnd) ? end : dayEnd;
			if (until.isAfter(from)) {
				days[day] = Duration.between(from, until).toSeconds();
			}
		}
		return days;
	}

}
