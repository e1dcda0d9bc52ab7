package dev.timeledger.query.timesheet;

import java.util.List;

/**
 * A worker's week for {@code GET /api/timesheets/{userId}/{week}}.
 *
 * @param userId the worker
 * @param week the ISO week
 * @param status open, submitted, approved, rejected or reopened
 * @param totalSeconds the time of all entries
 * @param entries the entries by start
 * @param annotations the notes, oldest first
 * @param decisions the approval flow, oldest first
 * @param position the event position the answer is complete up to
 * @param asOf the instant it was reconstructed for, null for the current state
 */
public record TimesheetView(String userId, String week, String status, long totalSeconds,
		List<TimesheetDocument.Entry> entries, List<TimesheetDocument.Annotation> annotations,
		List<TimesheetDocument.Decision> decisions, long position, java.time.Instant asOf) {

	public static TimesheetView of(String userId, TimesheetDocument document, long position, java.time.Instant asOf) {
		return new TimesheetView(userId, document.week(), document.status(),
				document.entries().stream().mapToLong(TimesheetDocument.Entry::seconds).sum(), document.entries(),
				document.annotations(), document.decisions(), position, asOf);
	}

}
