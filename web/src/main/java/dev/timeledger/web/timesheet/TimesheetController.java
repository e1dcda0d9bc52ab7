package dev.timeledger.web.timesheet;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.worklog.AnnotateTimesheet;
import dev.timeledger.command.worklog.ApproveTimesheet;
import dev.timeledger.command.worklog.RejectTimesheet;
import dev.timeledger.command.worklog.ReopenTimesheet;
import dev.timeledger.command.worklog.SubmitTimesheet;
import dev.timeledger.command.worklog.WorklogId;
import dev.timeledger.events.IsoWeek;
import dev.timeledger.web.command.CommandAnswer;
import dev.timeledger.web.command.CommandExecutor;
import dev.timeledger.web.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The approval flow of a worker's week: submission, approval, rejection, notes,
 * reopening.
 */
@RestController
@RequestMapping("/api/timesheets/{userId}/{week}")
class TimesheetController {

	private final CommandExecutor commands;

	TimesheetController(CommandExecutor commands) {
		this.commands = commands;
	}

	@PostMapping("/submission")
	ResponseEntity<Object> submit(Caller caller, @PathVariable String userId, @PathVariable String week,
			HttpServletRequest request) {
		Sheet sheet = Sheet.of(caller, userId, week);
		return this.commands.execute(caller, request, null,
				() -> new SubmitTimesheet(sheet.worklog(), caller.actor(), sheet.week()), sheet.answer("submitted"));
	}

	@PostMapping("/approval")
	ResponseEntity<Object> approve(Caller caller, @PathVariable String userId, @PathVariable String week,
			@Valid @RequestBody(required = false) TimesheetRequests.Approval body, HttpServletRequest request) {
		Sheet sheet = Sheet.of(caller, userId, week);
		String comment = (body != null) ? body.comment() : null;
		return this.commands.execute(caller, request, body,
				() -> new ApproveTimesheet(sheet.worklog(), caller.actor(), sheet.week(), comment),
				sheet.answer("approved"));
	}

	@PostMapping("/rejection")
	ResponseEntity<Object> reject(Caller caller, @PathVariable String userId, @PathVariable String week,
			@Valid @RequestBody TimesheetRequests.Reason body, HttpServletRequest request) {
		Sheet sheet = Sheet.of(caller, userId, week);
		return this.commands.execute(caller, request, body,
				() -> new RejectTimesheet(sheet.worklog(), caller.actor(), sheet.week(), body.reason()),
				sheet.answer("rejected"));
	}

	@PostMapping("/reopening")
	ResponseEntity<Object> reopen(Caller caller, @PathVariable String userId, @PathVariable String week,
			@Valid @RequestBody TimesheetRequests.Reason body, HttpServletRequest request) {
		Sheet sheet = Sheet.of(caller, userId, week);
		return this.commands.execute(caller, request, body,
				() -> new ReopenTimesheet(sheet.worklog(), caller.actor(), sheet.week(), body.reason()),
				sheet.answer("reopened"));
	}

	@PostMapping("/annotations")
	ResponseEntity<Object> annotate(Caller caller, @PathVariable String userId, @PathVariable String week,
			@Valid @RequestBody TimesheetRequests.Annotation body, HttpServletRequest request) {
		Sheet sheet = Sheet.of(caller, userId, week);
		String annotationId = UUID.randomUUID().toString();
		return this.commands.execute(caller, request, body,
				() -> new AnnotateTimesheet(sheet.worklog(), caller.actor(), sheet.week(), annotationId, body.text(),
						body.entryId()),
				(result, position) -> CommandAnswer.created(sheet.path(), Map.of("annotationId", annotationId, "userId",
						sheet.worklog().userId(), "week", sheet.week())));
	}

	/** The addressed week of a user in the caller's tenant. */
	private record Sheet(WorklogId worklog, String week) {

		static Sheet of(Caller caller, String userId, String week) {
			try {
				return new Sheet(WorklogId.of(caller.tenantId(), caller.resolve(userId)),
						IsoWeek.parse(week).toString());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput(ex.getMessage());
			}
		}

		String path() {
			return "/api/timesheets/" + UriUtils.encodePathSegment(this.worklog.userId(), StandardCharsets.UTF_8) + "/"
					+ this.week;
		}

		java.util.function.BiFunction<Object, Long, CommandAnswer> answer(String status) {
			return (result, position) -> CommandAnswer
				.ok(Map.of("userId", this.worklog.userId(), "week", this.week, "status", status));
		}

	}

}
