package dev.timeledger.command.worklog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.events.IsoWeek;
import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetApproved;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.events.timesheet.TimesheetRejected;
import dev.timeledger.events.timesheet.TimesheetReopened;
import dev.timeledger.events.timesheet.TimesheetSubmitted;

/**
 * The weeks of a worklog: each week's status and entries, and where each entry is. Holds
 * the rules that span entries: locked weeks and overlaps.
 */
class WeekSheets {

	private final Map<String, Week> weeks = new HashMap<>();

	private final Map<String, String> entryWeeks = new HashMap<>();

	TimesheetStatus status(String week) {
		Week sheet = this.weeks.get(week);
		return (sheet != null) ? sheet.status : TimesheetStatus.OPEN;
	}

	/**
	 * Checks that the week's entries can change.
	 * @throws TimesheetLocked when the week is submitted or approved
	 */
	void requireEditable(String week) {
		TimesheetStatus status = status(week);
		if (status.locked()) {
			throw new TimesheetLocked(week, status);
		}
	}

	/**
	 * The entry with that id.
	 * @throws EntryNotFound when the worklog has no such entry
	 */
	TrackedEntry entry(String entryId) {
		return findWeek(entryId).map((week) -> this.weeks.get(week).entries.get(entryId))
			.orElseThrow(() -> new EntryNotFound(entryId));
	}

	/**
	 * Checks that no entry has this id yet.
	 * @throws InvalidInput when one has
	 */
	void requireNewEntryId(String entryId) {
		if (entryId == null || this.entryWeeks.containsKey(entryId)) {
			throw new InvalidInput("entry id " + entryId + " is missing or taken");
		}
	}

	Optional<String> findWeek(String entryId) {
		return Optional.ofNullable(this.entryWeeks.get(entryId));
	}

	/**
	 * Checks that no entry other than {@code exceptEntryId} overlaps the time. Looks at
	 * the neighbouring weeks too, as an entry made in another zone may cross this week's
	 * edges.
	 * @throws EntryOverlaps when one does
	 */
	void requireNoOverlap(EntrySpan span, String exceptEntryId) {
		for (IsoWeek week : new IsoWeek[] { span.week().previous(), span.week(), span.week().next() }) {
			Week sheet = this.weeks.get(week.toString());
			if (sheet == null) {
				continue;
			}
			for (TrackedEntry entry : sheet.entries.values()) {
				if (!entry.entryId().equals(exceptEntryId) && entry.overlaps(span.start(), span.end())) {
					throw new EntryOverlaps("entry " + entry.entryId(), entry.start(), entry.end());
				}
			}
		}
	}

	boolean hasEntry(String week, String entryId) {
		return week.equals(this.entryWeeks.get(entryId));
	}

	/** Assigns the state an event leaves behind. */
	void apply(TimesheetEvent event) {
		if (event instanceof TimeEntryRecorded recorded) {
			put(recorded.week(),
					new TrackedEntry(recorded.entryId(), recorded.projectId(), recorded.start(), recorded.end()));
		}
		else if (event instanceof TimeEntryAmended amended) {
			put(amended.week(),
					new TrackedEntry(amended.entryId(), amended.projectId(), amended.start(), amended.end()));
		}
		else if (event instanceof TimeEntryDeleted deleted) {
			remove(deleted.entryId());
		}
		else if (event instanceof TimesheetSubmitted) {
			setStatus(event.week(), TimesheetStatus.SUBMITTED);
		}
		else if (event instanceof TimesheetApproved) {
			setStatus(event.week(), TimesheetStatus.APPROVED);
		}
		else if (event instanceof TimesheetRejected) {
			setStatus(event.week(), TimesheetStatus.REJECTED);
		}
		else if (event instanceof TimesheetReopened) {
			setStatus(event.week(), TimesheetStatus.REOPENED);
		}
	}

	private void put(String week, TrackedEntry entry) {
		remove(entry.entryId());
		this.weeks.computeIfAbsent(week, (key) -> new Week()).entries.put(entry.entryId(), entry);
		this.entryWeeks.put(entry.entryId(), week);
	}

	private void remove(String entryId) {
		String week = this.entryWeeks.remove(entryId);
		if (week != null) {
			this.weeks.get(week).entries.remove(entryId);
		}
	}

	private void setStatus(String week, TimesheetStatus status) {
		this.weeks.computeIfAbsent(week, (key) -> new Week()).status = status;
	}

	/**
	 * Whether the running timer may still record time in the week: it started before the
	 * week's end and less than the longest entry before the week's start, so a stop, now
	 * or at an earlier {@code at}, could add time to the week.
	 */
	boolean mayRecordInto(RunningTimer timer, String week) {
		if (timer == null) {
			return false;
		}
		IsoWeek isoWeek = IsoWeek.parse(week);
		ZoneId zone = EntrySpan.zone(timer.zone());
		return timer.startedAt().isBefore(isoWeek.end(zone))
				&& timer.startedAt().plus(EntrySpan.MAX_LENGTH).isAfter(isoWeek.start(zone));
	}

	/**
	 * Checks that the time does not overlap the running timer, which covers its start
	 * until now.
	 * @throws EntryOverlaps when it does
	 */
	static void requireNoOverlap(EntrySpan span, RunningTimer timer, Instant now) {
		if (timer != null) {
			Instant timerEnd = now.isAfter(timer.startedAt()) ? now : timer.startedAt().plusNanos(1);
			if (span.start().isBefore(timerEnd) && timer.startedAt().isBefore(span.end())) {
				throw new EntryOverlaps("the running timer", timer.startedAt(), now);
			}
		}
	}

	/** One week: its status and its entries by id. */
	static class Week {

		private TimesheetStatus status = TimesheetStatus.OPEN;

		private final Map<String, TrackedEntry> entries = new HashMap<>();

		@Override
		public boolean equals(Object other) {
			return other instanceof Week week && this.status == week.status && this.entries.equals(week.entries);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.status, this.entries);
		}

	}

}
