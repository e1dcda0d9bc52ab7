package dev.timeledger.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week such as {@code 2026-W47}: Monday to Sunday, in a given time zone.
 *
 * @param year the week-based year
 * @param week the week of that year, 1 to 52 or 53
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

	public IsoWeek {
		if (year < 1000 || year > 9999) {
			throw new IllegalArgumentException("year " + year + " is outside 1000..9999");
		}
		if (week < 1 || week > weeksIn(year)) {
			throw new IllegalArgumentException(year + " has no week " + week);
		}
	}

	/**
	 * Parses the {@code yyyy-Www} form.
	 * @throws IllegalArgumentException when the text is not an existing ISO week
	 */
	public static IsoWeek parse(String text) {
		Matcher matcher = (text != null) ? FORMAT.matcher(text) : null;
		if (matcher == null || !matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO week like 2026-W47");
		}
		return new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	public static IsoWeek of(LocalDate date) {
		return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/** The week that holds the given instant in the given zone. */
	public static IsoWeek containing(Instant instant, ZoneId zone) {
		return of(instant.atZone(zone).toLocalDate());
	}

	public LocalDate monday() {
		return LocalDate.of(this.year, 1, 4)
			.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, this.week)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** The first instant of this week in the given zone. */
	public Instant start(ZoneId zone) {
		return monday().atStartOfDay(zone).toInstant();
	}

	/** The first instant after this week in the given zone. */
	public Instant end(ZoneId zone) {
		ZonedDateTime nextMonday = monday().plusWeeks(1).atStartOfDay(zone);
		return nextMonday.toInstant();
	}

	public IsoWeek next() {
		return of(monday().plusWeeks(1));
	}

	public IsoWeek previous() {
		return of(monday().minusWeeks(1));
	}

	@Override
	public int compareTo(IsoWeek other) {
		return (this.year != other.year) ? Integer.compare(this.year, other.year)
				: Integer.compare(this.week, other.week);
	}

	@Override
	public String toString() {
		// called for every key and destination of every event: no format string to parse
		// (the year has four digits, see the constructor)
		return this.year + ((this.week < 10) ? "-W0" : "-W") + this.week;
	}

	private static int weeksIn(int year) {
		return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
	}

}
