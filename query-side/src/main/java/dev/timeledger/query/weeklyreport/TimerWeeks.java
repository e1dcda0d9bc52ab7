package dev.timeledger.query.weeklyreport;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.timeledger.events.IsoWeek;

/**
 * The weeks whose report shows a running timer: the week it started in, and the current
 * week of the timer's zone, on which a client ticks it. So a timer event changes the
 * start week and the week the event happened in, however long the timer has run.
 */
final class TimerWeeks {

	private TimerWeeks() {
	}

	/** The weeks a timer event changes, the start week first. */
	static List<String> changedBy(Instant startedAt, Instant happenedAt, ZoneId zone) {
		IsoWeek started = IsoWeek.containing(startedAt, zone);
		IsoWeek current = IsoWeek.containing(happenedAt, zone);
		return (current.compareTo(started) > 0) ? List.of(started.toString(), current.toString())
				: List.of(started.toString());
	}

	/** Whether the report of a week shows a timer running now. */
	static boolean shows(String week, Instant startedAt, Instant now, ZoneId zone) {
		IsoWeek shown = IsoWeek.parse(week);
		return shown.equals(IsoWeek.containing(startedAt, zone))
				|| (shown.equals(IsoWeek.containing(now, zone)) && startedAt.isBefore(shown.end(zone)));
	}

}
