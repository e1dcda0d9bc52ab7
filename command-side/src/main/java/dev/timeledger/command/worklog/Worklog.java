package dev.timeledger.command.worklog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.timeledger.command.Actor;
import dev.timeledger.command.Role;
import dev.timeledger.command.Texts;
import dev.timeledger.command.project.ProjectDirectory;
import dev.timeledger.command.project.ProjectDirectory.ProjectFacts;
import dev.timeledger.command.project.ProjectNotFound;
import dev.timeledger.events.IsoWeek;
import dev.timeledger.events.timer.TimerDiscarded;
import dev.timeledger.events.timer.TimerEvent;
import dev.timeledger.events.timer.TimerStarted;
import dev.timeledger.events.timer.TimerStopped;
import dev.timeledger.events.timesheet.TimeEntryAmended;
import dev.timeledger.events.timesheet.TimeEntryDeleted;
import dev.timeledger.events.timesheet.TimeEntryRecorded;
import dev.timeledger.events.timesheet.TimesheetAnnotated;
import dev.timeledger.events.timesheet.TimesheetApproved;
import dev.timeledger.events.timesheet.TimesheetEvent;
import dev.timeledger.events.timesheet.TimesheetRejected;
import dev.timeledger.events.timesheet.TimesheetReopened;
import dev.timeledger.events.timesheet.TimesheetSubmitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * All the time of one worker in one tenant: the running timer, the entries of every week
 * and the weeks' approval status. One consistency boundary per worker makes every rule of
 * the contract local to it (see ADR 0002). Timesheet decisions by managers land here too.
 */
@Aggregate(snapshotTriggerDefinition = "worklogSnapshotTrigger", cache = "aggregateCache")
public class Worklog {

	@AggregateIdentifier
	private String worklogId;

	private String tenantId;

	private String userId;

	private RunningTimer timer;

	private WeekSheets sheets = new WeekSheets();

	protected Worklog() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	Instant handle(StartTimer command, ProjectDirectory projects, Clock clock) {
		WorklogChecks.requireOwnWork(command.worklogId(), command.actor());
		if (this.timer != null) {
			throw new TimerAlreadyRunning(this.timer.startedAt());
		}
		this.sheets.requireNewEntryId(command.entryId());
		ZoneId zone = EntrySpan.zone(command.zone());
		Instant at = WorklogChecks.notInFuture(command.at(), clock);
		projects.requireActive(command.actor().tenantId(), WorklogChecks.projectId(command.projectId()));
		IsoWeek week = IsoWeek.containing(at, zone);
		this.sheets.requireEditable(week.toString());
		Instant now = clock.instant();
		this.sheets.requireNoOverlap(new EntrySpan(at, now.isAfter(at) ? now : at.plusNanos(1), week), null);
		apply(new TimerStarted(command.actor().tenantId(), command.actor().userId(), command.entryId(),
				command.projectId(), WorklogChecks.task(command.task()),
				WorklogChecks.description(command.description()), at, zone.getId(), command.actor().userId()));
		return at;
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	StoppedTimer handle(StopTimer command, ProjectDirectory projects, Clock clock) {
		WorklogChecks.requireOwnWork(command.worklogId(), command.actor());
		RunningTimer running = requireTimer();
		Instant at = WorklogChecks.notInFuture(command.at(), clock);
		List<EntrySpan> spans = EntrySpan.splitByWeek(running.startedAt(), at, EntrySpan.zone(running.zone()));
		for (EntrySpan span : spans) {
			this.sheets.requireEditable(span.week().toString());
			this.sheets.requireNoOverlap(span, null);
		}
		boolean billable = projects.find(this.tenantId, running.projectId()).map(ProjectFacts::billable).orElse(false);
		String actorId = command.actor().userId();
		apply(new TimerStopped(this.tenantId, this.userId, running.entryId(), running.startedAt(), at,
				Duration.between(running.startedAt(), at).toSeconds(), actorId));
		List<StoppedTimer.Entry> entries = new ArrayList<>();
		for (int part = 0; part < spans.size(); part++) {
			EntrySpan span = spans.get(part);
			String entryId = (part == 0) ? running.entryId()
					: UUID.nameUUIDFromBytes((running.entryId() + "/" + part).getBytes()).toString();
			apply(new TimeEntryRecorded(this.tenantId, this.userId, span.week().toString(), entryId,
					running.projectId(), running.task(), running.description(), span.start(), span.end(),
					span.seconds(), billable, running.zone(), "timer", actorId));
			entries
				.add(new StoppedTimer.Entry(entryId, span.week().toString(), span.start(), span.end(), span.seconds()));
		}
		return new StoppedTimer(running.entryId(), Duration.between(running.startedAt(), at).toSeconds(), entries);
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(DiscardTimer command) {
		WorklogChecks.requireOwnWork(command.worklogId(), command.actor());
		RunningTimer running = requireTimer();
		apply(new TimerDiscarded(this.tenantId, this.userId, running.entryId(), running.startedAt(),
				command.actor().userId()));
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	String handle(RecordTimeEntry command, ProjectDirectory projects, Clock clock) {
		WorklogChecks.requireOwnWork(command.worklogId(), command.actor());
		this.sheets.requireNewEntryId(command.entryId());
		ProjectFacts project = projects.requireActive(command.actor().tenantId(),
				WorklogChecks.projectId(command.projectId()));
		ZoneId zone = EntrySpan.zone(command.zone());
		EntrySpan span = checkedSpan(command.start(), command.end(), zone, null, clock);
		apply(new TimeEntryRecorded(command.actor().tenantId(), command.actor().userId(), span.week().toString(),
				command.entryId(), command.projectId(), WorklogChecks.task(command.task()),
				WorklogChecks.description(command.description()), span.start(), span.end(), span.seconds(),
				(command.billable() != null) ? command.billable() : project.billable(), zone.getId(), "manual",
				command.actor().userId()));
		return span.week().toString();
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	String handle(AmendTimeEntry command, ProjectDirectory projects, Clock clock) {
		WorklogChecks.requireOwnWork(command.worklogId(), command.actor());
		TrackedEntry current = this.sheets.entry(command.entryId());
		String previousWeek = this.sheets.findWeek(command.entryId()).orElseThrow();
		this.sheets.requireEditable(previousWeek);
		ProjectFacts project = WorklogChecks.projectId(command.projectId()).equals(current.projectId())
				? projects.find(this.tenantId, command.projectId())
					.orElseThrow(() -> new ProjectNotFound(command.projectId()))
				: projects.requireActive(this.tenantId, command.projectId());
		ZoneId zone = EntrySpan.zone(command.zone());
		EntrySpan span = checkedSpan(command.start(), command.end(), zone, command.entryId(), clock);
		apply(new TimeEntryAmended(this.tenantId, this.userId, span.week().toString(), previousWeek, command.entryId(),
				command.projectId(), WorklogChecks.task(command.task()),
				WorklogChecks.description(command.description()), span.start(), span.end(), span.seconds(),
				(command.billable() != null) ? command.billable() : project.billable(), zone.getId(),
				command.actor().userId()));
		return span.week().toString();
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(DeleteTimeEntry command) {
		WorklogChecks.requireOwnWork(command.worklogId(), command.actor());
		this.sheets.entry(command.entryId());
		String week = this.sheets.findWeek(command.entryId()).orElseThrow();
		this.sheets.requireEditable(week);
		apply(new TimeEntryDeleted(this.tenantId, this.userId, week, command.entryId(), command.actor().userId()));
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(SubmitTimesheet command) {
		WorklogChecks.requireOwnWork(command.worklogId(), command.actor());
		String week = WorklogChecks.week(command.week());
		this.sheets.requireEditable(week);
		if (this.sheets.mayRecordInto(this.timer, week)) {
			throw new TimerRunning(week, this.timer);
		}
		WorklogId owner = command.worklogId();
		apply(new TimesheetSubmitted(owner.tenantId(), owner.userId(), week, command.actor().userId()));
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(ApproveTimesheet command) {
		String week = requireDecision(command.worklogId(), command.actor(), command.week());
		requireSubmitted(week);
		apply(new TimesheetApproved(this.tenantId, this.userId, week,
				Texts.optional("comment", command.comment(), WorklogChecks.MAX_TEXT), command.actor().userId()));
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(RejectTimesheet command) {
		String week = requireDecision(command.worklogId(), command.actor(), command.week());
		String reason = Texts.required("reason", command.reason(), WorklogChecks.MAX_TEXT);
		requireSubmitted(week);
		apply(new TimesheetRejected(this.tenantId, this.userId, week, reason, command.actor().userId()));
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(ReopenTimesheet command) {
		String week = requireDecision(command.worklogId(), command.actor(), command.week());
		String reason = Texts.required("reason", command.reason(), WorklogChecks.MAX_TEXT);
		TimesheetStatus status = this.sheets.status(week);
		if (!status.locked()) {
			throw new TimesheetNotLocked(week, status);
		}
		apply(new TimesheetReopened(this.tenantId, this.userId, week, reason, command.actor().userId()));
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(AnnotateTimesheet command) {
		if (!WorklogChecks.isOwner(command.worklogId(), command.actor())) {
			command.actor().requireAny(Role.MANAGER);
			requireExisting(command.worklogId(), command.actor());
		}
		String week = WorklogChecks.week(command.week());
		String text = Texts.required("text", command.text(), WorklogChecks.MAX_TEXT);
		if (command.entryId() != null && !this.sheets.hasEntry(week, command.entryId())) {
			throw new EntryNotFound(command.entryId());
		}
		WorklogId owner = command.worklogId();
		apply(new TimesheetAnnotated(owner.tenantId(), owner.userId(), week, command.annotationId(), text,
				command.entryId(), command.actor().userId()));
	}

	@EventSourcingHandler
	void on(TimerEvent event) {
		identify(event.tenantId(), event.userId());
		this.timer = (event instanceof TimerStarted started) ? new RunningTimer(started.entryId(), started.projectId(),
				started.task(), started.description(), started.startedAt(), started.zone()) : null;
	}

	@EventSourcingHandler
	void on(TimesheetEvent event) {
		identify(event.tenantId(), event.userId());
		this.sheets.apply(event);
	}

	private void identify(String tenant, String user) {
		if (this.worklogId == null) {
			this.tenantId = tenant;
			this.userId = user;
			this.worklogId = WorklogId.of(tenant, user).toString();
		}
	}

	private EntrySpan checkedSpan(Instant start, Instant end, ZoneId zone, String entryId, Clock clock) {
		EntrySpan span = EntrySpan.of(start, end, zone);
		this.sheets.requireEditable(span.week().toString());
		this.sheets.requireNoOverlap(span, entryId);
		WeekSheets.requireNoOverlap(span, this.timer, clock.instant());
		return span;
	}

	private RunningTimer requireTimer() {
		if (this.timer == null) {
			throw new NoRunningTimer();
		}
		return this.timer;
	}

	private void requireSubmitted(String week) {
		TimesheetStatus status = this.sheets.status(week);
		if (status != TimesheetStatus.SUBMITTED) {
			throw new TimesheetNotSubmitted(week, status);
		}
	}

	private String requireDecision(WorklogId owner, Actor actor, String week) {
		actor.requireAny(Role.MANAGER);
		requireExisting(owner, actor);
		if (WorklogChecks.isOwner(owner, actor)) {
			throw new SelfApproval();
		}
		return WorklogChecks.week(week);
	}

	private void requireExisting(WorklogId owner, Actor actor) {
		if (this.worklogId == null || !this.tenantId.equals(actor.tenantId())) {
			throw new TimesheetNotFound(owner);
		}
	}

}
