package dev.timeledger.query.timesheet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetAnnotated;
import dev.timeledger.events.timesheet.TimesheetApproved;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.events.timesheet.TimesheetRejected;
import dev.timeledger.events.timesheet.TimesheetReopened;

/**
 * One worker's week as the events left it: its status, entries, notes and decisions. The
 * same fold serves the live projections and the reconstruction of a past instant
 * ({@code asOf}).
 */
public final class TimesheetDocument {

	private String week;

	private String status = "open";

	private Map<String, Entry> entries = new LinkedHashMap<>();

	private List<Annotation> annotations = new ArrayList<>();

	private List<Decision> decisions = new ArrayList<>();

	TimesheetDocument() {
	}

	/** A week as the projection tables hold it. */
	public static TimesheetDocument of(String week, String status, List<Entry> entries, List<Annotation> annotations,
			List<Decision> decisions) {
		TimesheetDocument document = of(week);
		document.status = status;
		entries.forEach(document::put);
		document.annotations.addAll(annotations);
		document.decisions.addAll(decisions);
		return document;
	}

	public static TimesheetDocument of(String week) {
		TimesheetDocument document = new TimesheetDocument();
		document.week = week;
		return document;
	}

	public String week() {
		return this.week;
	}

	public String status() {
		return this.status;
	}

	/** The entries by start. */
	public List<Entry> entries() {
		return this.entries.values().stream().sorted(Comparator.comparing(Entry::start)).toList();
	}

	public List<Annotation> annotations() {
		return List.copyOf(this.annotations);
	}

	public List<Decision> decisions() {
		return List.copyOf(this.decisions);
	}

	/**
	 * Applies an event of the worker that touches this week.
	 * @param event the event
	 * @param at when it happened
	 */
	public void apply(TimesheetEvent event, Instant at) {
		if (event instanceof TimeEntryRecorded recorded) {
			put(Entry.of(recorded));
		}
		else if (event instanceof TimeEntryAmended amended) {
			if (amended.week().equals(this.week)) {
				put(Entry.of(amended));
			}
			else {
				this.entries.remove(amended.entryId());
			}
		}
		else if (event instanceof TimeEntryDeleted deleted) {
			this.entries.remove(deleted.entryId());
		}
		else if (event instanceof TimesheetAnnotated annotated) {
			this.annotations.add(new Annotation(annotated.annotationId(), annotated.text(), annotated.entryId(),
					annotated.actorId(), at));
		}
		else {
			decide(event, at);
		}
	}

	private void decide(TimesheetEvent event, Instant at) {
		this.status = TimesheetTables.status(event);
		this.decisions.add(new Decision(this.status, event.actorId(), at, Decision.comment(event)));
	}

	private void put(Entry entry) {
		this.entries.put(entry.entryId(), entry);
	}

	/**
	 * An entry of the week.
	 *
	 * @param entryId its id
	 * @param projectId the project
	 * @param task the task, may be null
	 * @param description the description, may be null
	 * @param start when it starts
	 * @param end when it ends
	 * @param seconds how long it lasts
	 * @param billable whether it is billable
	 * @param zone the zone whose days it is counted in
	 * @param days its seconds on each day of the week, Monday first
	 */
	public record Entry(String entryId, String projectId, String task, String description, Instant start, Instant end,
			long seconds, boolean billable, String zone, long[] days) {

		static Entry of(TimeEntryRecorded event) {
			return new Entry(event.entryId(), event.projectId(), event.task(), event.description(), event.start(),
					event.end(), event.durationSeconds(), event.billable(), event.zone(),
					WeekDays.split(event.week(), event.start(), event.end(), event.zone()));
		}

		static Entry of(TimeEntryAmended event) {
			return new Entry(event.entryId(), event.projectId(), event.task(), event.description(), event.start(),
					event.end(), event.durationSeconds(), event.billable(), event.zone(),
					WeekDays.split(event.week(), event.start(), event.end(), event.zone()));
		}

	}

	/**
	 * A note on the week or one of its entries.
	 *
	 * @param annotationId its id
	 * @param text the note
	 * @param entryId the entry it is about, or null
	 * @param by who wrote it
	 * @param at when
	 */
	public record Annotation(String annotationId, String text, String entryId, String by, Instant at) {
	}

	/**
	 * A step of the approval flow.
	 *
	 * @param status the status it led to: submitted, approved, rejected or reopened
	 * @param by who took it
	 * @param at when
	 * @param comment the approval comment, or the reason of a rejection or reopening
	 */
	public record Decision(String status, String by, Instant at, String comment) {

		/** The approval's comment, or the reason of a rejection or reopening. */
		static String comment(TimesheetEvent event) {
			if (event instanceof TimesheetApproved approved) {
				return approved.comment();
			}
			if (event instanceof TimesheetRejected rejected) {
				return rejected.reason();
			}
			return (event instanceof TimesheetReopened reopened) ? reopened.reason() : null;
		}

	}

}
