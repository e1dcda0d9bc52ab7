package dev.timeledger.web.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.timeledger.command.project.CreateProject;
import dev.timeledger.command.worklog.AnnotateTimesheet;
import dev.timeledger.command.worklog.ApproveTimesheet;
import dev.timeledger.command.worklog.RecordTimeEntry;
import dev.timeledger.command.worklog.SubmitTimesheet;
import dev.timeledger.command.worklog.WorklogId;
import dev.timeledger.events.IsoWeek;

/**
 * The commands that build the demo data set relative to now: three projects, a working
 * week for two workers in the previous week and on the days of this week before today,
 * both previous weeks submitted, one approved and the other annotated. They are the
 * commands the controllers send, so the demo consists of real events.
 */
final class DemoPlan {

	static final String ZONE = "UTC";

	private static final List<Slot> WALT = List.of(slot(0, "09:00", "12:30", "apollo", "design", "Reporting page"),
			slot(0, "13:30", "17:00", "apollo", "build", "Week view"),
			slot(1, "09:00", "12:00", "gemini", "support", "Customer tickets"),
			slot(1, "13:00", "17:30", "apollo", "build", "Timer"),
			slot(2, "09:00", "11:00", "internal", "meeting", "Planning"),
			slot(2, "11:00", "16:30", "apollo", "build", "Team view"),
			slot(3, "09:30", "17:00", "gemini", "integration", "Payroll export"),
			slot(4, "09:00", "13:00", "apollo", "review", "Code review"));

	private static final List<Slot> DANA = List.of(slot(0, "08:30", "12:00", "gemini", "design", "Invoice layout"),
			slot(0, "13:00", "16:00", "gemini", "design", "Invoice layout"),
			slot(1, "09:00", "17:00", "apollo", "design", "Style guide"),
			slot(2, "10:00", "12:00", "internal", "meeting", "Planning"),
			slot(2, "13:00", "18:00", "gemini", "build", "Invoice PDF"),
			slot(3, "09:00", "15:00", "apollo", "design", "Icons"),
			slot(4, "09:00", "12:00", "gemini", "review", "Review with the client"));

	private DemoPlan() {
	}

	/** The commands, in the order they must be sent. */
	static List<Object> commands(Instant now) {
		IsoWeek thisWeek = IsoWeek.containing(now, ZoneOffset.UTC);
		String lastWeek = thisWeek.previous().toString();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Map<String, String> projects = new LinkedHashMap<>();
		List<Object> commands = new ArrayList<>();
		commands.add(project(projects, "apollo", "Apollo", "Acme Corp", true, "120.00"));
		commands.add(project(projects, "gemini", "Gemini", "Globex", true, "95.00"));
		commands.add(project(projects, "internal", "Internal", null, false, null));
		for (IsoWeek week : List.of(thisWeek.previous(), thisWeek)) {
			entries(commands, projects, DemoUsers.WORKER, WALT, week, today, now);
			entries(commands, projects, DemoUsers.DESIGNER, DANA, week, today, now);
		}
		commands.add(new SubmitTimesheet(worklog(DemoUsers.WORKER), DemoUsers.WORKER.actor(), lastWeek));
		commands.add(new ApproveTimesheet(worklog(DemoUsers.WORKER), DemoUsers.MANAGER.actor(), lastWeek,
				"Thanks, all clear"));
		commands.add(new SubmitTimesheet(worklog(DemoUsers.DESIGNER), DemoUsers.DESIGNER.actor(), lastWeek));
		commands.add(new AnnotateTimesheet(worklog(DemoUsers.DESIGNER), DemoUsers.MANAGER.actor(), lastWeek,
				UUID.randomUUID().toString(), "Please split Thursday's design time by screen before I approve.", null));
		return commands;
	}

	private static CreateProject project(Map<String, String> ids, String key, String name, String client,
			boolean billable, String rate) {
		String projectId = UUID.randomUUID().toString();
		ids.put(key, projectId);
		return new CreateProject(projectId, DemoUsers.MANAGER.actor(), name, client, billable,
				(rate != null) ? new BigDecimal(rate) : null, (rate != null) ? "EUR" : null);
	}

	/** Records a week's slots; in this week only those of the days before today. */
	private static void entries(List<Object> commands, Map<String, String> projects, DemoUsers.DemoUser user,
			List<Slot> slots, IsoWeek week, LocalDate today, Instant now) {
		for (Slot slot : slots) {
			LocalDate day = week.monday().plusDays(slot.day());
			Instant start = day.atTime(slot.from()).toInstant(ZoneOffset.UTC);
			Instant end = day.atTime(slot.to()).toInstant(ZoneOffset.UTC);
			if (day.isBefore(today) && end.isBefore(now)) {
				commands.add(new RecordTimeEntry(worklog(user), user.actor(), UUID.randomUUID().toString(),
						projects.get(slot.project()), slot.task(), slot.description(), start, end, null, ZONE));
			}
		}
	}

	private static WorklogId worklog(DemoUsers.DemoUser user) {
		return WorklogId.of(DemoUsers.TENANT, user.user());
	}

	private static Slot slot(int day, String from, String to, String project, String task, String description) {
		return new Slot(day, LocalTime.parse(from), LocalTime.parse(to), project, task, description);
	}

	/**
	 * A piece of a demo week.
	 *
	 * @param day 0 for Monday
	 * @param from the start, UTC
	 * @param to the end, UTC
	 * @param project the key of the project
	 * @param task the task
	 * @param description the description
	 */
	private record Slot(int day, LocalTime from, LocalTime to, String project, String task, String description) {
	}

}
