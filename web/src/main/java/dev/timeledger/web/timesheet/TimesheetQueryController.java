package dev.timeledger.web.timesheet;

import java.time.Instant;
import java.util.List;

import dev.timeledger.command.Times;
import dev.timeledger.query.audit.FetchTimesheetAsOfQuery;
import dev.timeledger.query.audit.FetchTimesheetHistoryQuery;
import dev.timeledger.query.audit.HistoryEntry;
import dev.timeledger.query.audit.Workers;
import dev.timeledger.query.timesheet.FetchTimesheetQuery;
import dev.timeledger.query.timesheet.TimesheetView;
import dev.timeledger.web.report.Consistency;
import dev.timeledger.web.report.Positioned;
import dev.timeledger.web.report.ReadAccess;
import dev.timeledger.web.security.Caller;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A worker's week: its current state, its state at a past instant, and its history. */
@RestController
@RequestMapping("/api/timesheets/{userId}/{week}")
class TimesheetQueryController {

	private final QueryGateway queries;

	private final Consistency consistency;

	private final Workers workers;

	TimesheetQueryController(QueryGateway queries, Consistency consistency, Workers workers) {
		this.queries = queries;
		this.consistency = consistency;
		this.workers = workers;
	}

	@GetMapping
	ResponseEntity<TimesheetView> timesheet(Caller caller, @PathVariable String userId, @PathVariable String week,
			@RequestParam(required = false) Instant asOf, @RequestParam(required = false) Long consistentWith) {
		String owner = caller.resolve(userId);
		ReadAccess.requireOwnerOrManager(caller, owner);
		String isoWeek = ReadAccess.week(week);
		ReadAccess.requireWorker(this.workers, caller, owner);
		TimesheetView view;
		if (asOf != null) {
			Times.require("asOf", asOf);
			view = this.queries
				.query(new FetchTimesheetAsOfQuery(caller.tenantId(), owner, isoWeek, asOf), TimesheetView.class)
				.join();
		}
		else {
			this.consistency.await("timesheet", consistentWith);
			view = this.queries.query(new FetchTimesheetQuery(caller.tenantId(), owner, isoWeek), TimesheetView.class)
				.join();
		}
		return Positioned.answer(view, view.position());
	}

	@GetMapping("/history")
	ResponseEntity<TimesheetHistory> history(Caller caller, @PathVariable String userId, @PathVariable String week,
			@RequestParam(required = false) Long consistentWith) {
		String owner = caller.resolve(userId);
		ReadAccess.requireOwnerManagerOrAdmin(caller, owner);
		String isoWeek = ReadAccess.week(week);
		ReadAccess.requireWorker(this.workers, caller, owner);
		long position = this.consistency.current(consistentWith);
		List<HistoryEntry> events = this.queries
			.query(new FetchTimesheetHistoryQuery(caller.tenantId(), owner, isoWeek),
					ResponseTypes.multipleInstancesOf(HistoryEntry.class))
			.join();
		return Positioned.answer(new TimesheetHistory(owner, isoWeek, events, position), position);
	}

}
