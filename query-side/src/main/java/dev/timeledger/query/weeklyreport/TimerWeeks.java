package dev.timeledger.query.weeklyreport;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.timeledger.events.IsoWeek;

/**
 * The weeks a timer event changes: a report shows the running timer in every week that
 * ends after it started, so its start, stop or discard changes each week from the one it
 * started in to the one the event happened in.
 */
final class TimerWeeks {

	/**
	 * The most weeks one event changes. The rules bound the time a timer records (24 h),
	 * not how long it runs: it may start at any past instant, and be stopped at a past
	 * instant or discarded any time later. Beyond a year, only the start week and the
	 * latest weeks, the ones likely on screen, are changed.
	 */
	static final int MAX = 53;

	private TimerWeeks() {
	}

	static List<String> between(Instant startedAt, Instant happenedAt, ZoneId zone) {
		IsoWeek first = IsoWeek.containing(startedAt, zone);
		IsoWeek last = IsoWeek.containing(happenedAt, zone);
		List<String> weeks = new ArrayList<>(List.of(first.toString()));
		if (last.compareTo(first) > 0) {
			IsoWeek firstOfLatest = IsoWeek.of(last.monday().minusWeeks(MAX - 2));
			IsoWeek week = (firstOfLatest.compareTo(first) > 0) ? firstOfLatest : first.next();
			weeks.add(week.toString());
			while (!week.equals(last)) {
				week = week.next();
				weeks.add(week.toString());
			}
		}
		return weeks;
	}

}
