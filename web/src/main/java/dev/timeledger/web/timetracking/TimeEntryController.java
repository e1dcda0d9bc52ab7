package dev.timeledger.web.timetracking;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.timeledger.command.Role;
import dev.timeledger.command.worklog.AmendTimeEntry;
import dev.timeledger.command.worklog.DeleteTimeEntry;
import dev.timeledger.command.worklog.DiscardTimer;
import dev.timeledger.command.worklog.RecordTimeEntry;
import dev.timeledger.command.worklog.StartTimer;
import dev.timeledger.command.worklog.StopTimer;
import dev.timeledger.command.worklog.StoppedTimer;
import dev.timeledger.command.worklog.WorklogId;
import dev.timeledger.query.runningtimer.FetchRunningTimerQuery;
import dev.timeledger.query.runningtimer.RunningTimerView;
import dev.timeledger.web.command.CommandAnswer;
import dev.timeledger.web.command.CommandExecutor;
import dev.timeledger.web.report.Consistency;
import dev.timeledger.web.report.Positioned;
import dev.timeledger.web.report.ReadAccess;
import dev.timeledger.web.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** A worker's own time: the timer and the entries. */
@RestController
@RequestMapping("/api/time-entries")
class TimeEntryController {

	private final CommandExecutor commands;

	private final QueryGateway queries;

	private final Consistency consistency;

	TimeEntryController(CommandExecutor commands, QueryGateway queries, Consistency consistency) {
		this.commands = commands;
		this.queries = queries;
		this.consistency = consistency;
	}

	@PostMapping("/start")
	ResponseEntity<Object> start(Caller caller, @Valid @RequestBody TimeEntryRequests.Start body,
			HttpServletRequest request) {
		String entryId = UUID.randomUUID().toString();
		return this.commands.execute(caller, request, body,
				() -> new StartTimer(worklog(caller), caller.actor(), entryId, body.projectId(), body.task(),
						body.description(), body.at(), caller.zone()),
				(startedAt, position) -> CommandAnswer.created("/api/time-entries/running",
						Map.of("entryId", entryId, "startedAt", startedAt)));
	}

	@PostMapping("/stop")
	ResponseEntity<Object> stop(Caller caller, @Valid @RequestBody(required = false) TimeEntryRequests.Stop body,
			HttpServletRequest request) {
		TimeEntryRequests.Stop stop = (body != null) ? body : new TimeEntryRequests.Stop(null);
		return this.commands.execute(caller, request, stop,
				() -> new StopTimer(worklog(caller), caller.actor(), stop.at()), (result, position) -> {
					StoppedTimer stopped = (StoppedTimer) result;
					Map<String, Object> fields = new LinkedHashMap<>();
					fields.put("entryId", stopped.entryId());
					fields.put("durationSeconds", stopped.durationSeconds());
					fields.put("entries", stopped.entries());
					return CommandAnswer.ok(fields);
				});
	}

	@GetMapping("/running")
	ResponseEntity<Positioned<RunningTimerView>> running(Caller caller,
			@RequestParam(required = false) Long consistentWith) {
		ReadAccess.requireAny(caller, Role.WORKER);
		long position = this.consistency.current(consistentWith);
		return this.queries
			.query(new FetchRunningTimerQuery(caller.tenantId(), caller.userId()),
					ResponseTypes.optionalInstanceOf(RunningTimerView.class))
			.join()
			.map((timer) -> new Positioned<>(timer, position).answer())
			.orElseGet(() -> Positioned.noContent(position));
	}

	@DeleteMapping("/running")
	ResponseEntity<Object> discard(Caller caller, HttpServletRequest request) {
		return this.commands.execute(caller, request, null, () -> new DiscardTimer(worklog(caller), caller.actor()),
				(result, position) -> CommandAnswer.noContent());
	}

	@PostMapping
	ResponseEntity<Object> record(Caller caller, @Valid @RequestBody TimeEntryRequests.Entry body,
			HttpServletRequest request) {
		String entryId = UUID.randomUUID().toString();
		return this.commands.execute(caller, request, body,
				() -> new RecordTimeEntry(worklog(caller), caller.actor(), entryId, body.projectId(), body.task(),
						body.description(), body.start(), body.end(), body.billable(), caller.zone()),
				(week, position) -> CommandAnswer.created("/api/timesheets/"
						+ UriUtils.encodePathSegment(caller.userId(), StandardCharsets.UTF_8) + "/" + week,
						Map.of("entryId", entryId, "week", week)));
	}

	@PutMapping("/{entryId}")
	ResponseEntity<Object> amend(Caller caller, @PathVariable String entryId,
			@Valid @RequestBody TimeEntryRequests.Entry body, HttpServletRequest request) {
		return this.commands.execute(caller, request, body,
				() -> new AmendTimeEntry(worklog(caller), caller.actor(), entryId, body.projectId(), body.task(),
						body.description(), body.start(), body.end(), body.billable(), caller.zone()),
				(week, position) -> CommandAnswer.ok(Map.of("entryId", entryId, "week", week)));
	}

	@DeleteMapping("/{entryId}")
	ResponseEntity<Object> delete(Caller caller, @PathVariable String entryId, HttpServletRequest request) {
		return this.commands.execute(caller, request, null,
				() -> new DeleteTimeEntry(worklog(caller), caller.actor(), entryId),
				(result, position) -> CommandAnswer.noContent());
	}

	private static WorklogId worklog(Caller caller) {
		return WorklogId.of(caller.tenantId(), caller.userId());
	}

}
