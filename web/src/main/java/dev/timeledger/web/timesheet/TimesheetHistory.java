package dev.timeledger.web.timesheet;

import java.util.List;

import dev.timeledger.query.audit.HistoryEntry;

/**
 * Every event of a worker's week and of the timers that recorded its entries, oldest
 * first.
 *
 * @param userId the worker
 * @param week the ISO week
 * @param events the events
 * @param position the event position the history is complete up to
 */
record TimesheetHistory(String userId, String week, List<HistoryEntry> events, long position) {
}
