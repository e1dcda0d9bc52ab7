package dev.timeledger.web.ui;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Free times of today, not where the timer ran (now): an entry, its corrected end, an
 * extra entry that is deleted again, and one more after the restart. Today then holds
 * 1:00, 1:15, 1:30, 1:15 and finally 1:45 (plus the timer's seconds).
 */
record Slots(String[] first, String corrected, String[] extra, String[] last) {

	static Slots freeToday() {
		int hour = (Instant.now().atZone(ZoneOffset.UTC).getHour() < 2) ? 22 : 0;
		return new Slots(times(hour, 0, hour + 1, 0), time(hour + 1, 15), times(hour + 1, 30, hour + 1, 45),
				times(hour + 1, 15, hour + 1, 45));
	}

	private static String[] times(int fromHour, int fromMinute, int toHour, int toMinute) {
		return new String[] { time(fromHour, fromMinute), time(toHour, toMinute) };
	}

	private static String time(int hour, int minute) {
		return String.format("%02d:%02d", hour, minute);
	}

}
