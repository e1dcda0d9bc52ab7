package dev.timeledger.command.worklog;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Times;
import dev.timeledger.events.IsoWeek;

/**
 * The checked times of one entry: it ends after it starts, lasts at most 24 hours and
 * lies inside one ISO week of the worker's zone. Times are kept to the second.
 *
 * @param start the first instant of the entry
 * @param end the instant the entry ends, after start
 * @param week the week that holds the entry
 */
record EntrySpan(Instant start, Instant end, IsoWeek week) {

	static final Duration MAX_LENGTH = Duration.ofHours(24);

	/**
	 * Checks one entry's times.
	 * @throws InvalidEntry when a shape rule is broken
	 */
	static EntrySpan of(Instant start, Instant end, ZoneId zone) {
		checkLength(start, end);
		Instant from = start.truncatedTo(ChronoUnit.SECONDS);
		Instant until = end.truncatedTo(ChronoUnit.SECONDS);
		checkLength(from, until);
		IsoWeek week = IsoWeek.containing(from, zone);
		if (until.isAfter(week.end(zone))) {
			throw new InvalidEntry("entry-spans-weeks",
					"an entry lies inside one week; this one runs from " + week + " into " + week.next());
		}
		return new EntrySpan(from, until, week);
	}

	/**
	 * Cuts the time a timer measured at each week boundary it crossed.
	 * @throws InvalidEntry when the time does not end after it starts or lasts over 24
	 * hours
	 */
	static List<EntrySpan> splitByWeek(Instant start, Instant end, ZoneId zone) {
		checkLength(start, end);
		List<EntrySpan> spans = new ArrayList<>();
		Instant from = start;
		while (from.isBefore(end)) {
			IsoWeek week = IsoWeek.containing(from, zone);
			Instant until = week.end(zone).isBefore(end) ? week.end(zone) : end;
			spans.add(new EntrySpan(from, until, week));
			from = until;
		}
		return spans;
	}

	static ZoneId zone(String zone) {
		try {
			return (zone != null) ? ZoneId.of(zone) : ZoneId.of("UTC");
		}
		catch (DateTimeException ex) {
			throw new InvalidInput("'" + zone + "' is not a time zone");
		}
	}

	long seconds() {
		return Duration.between(this.start, this.end).toSeconds();
	}

	private static void checkLength(Instant start, Instant end) {
		if (start == null || end == null) {
			throw new InvalidInput("start and end are required");
		}
		Times.require("start", start);
		Times.require("end", end);
		if (!end.isAfter(start)) {
			throw new InvalidEntry("invalid-interval", "the end (" + end + ") must be after the start (" + start + ")");
		}
		if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
			Duration length = Duration.between(start, end);
			throw new InvalidEntry("entry-too-long", "an entry lasts at most 24 hours; this one lasts %d:%02d:%02d"
				.formatted(length.toHours(), length.toMinutesPart(), length.toSecondsPart()));
		}
	}

}
