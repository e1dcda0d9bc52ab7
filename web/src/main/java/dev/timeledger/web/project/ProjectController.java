package dev.timeledger.web.project;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.command.project.CreateProject;
import dev.timeledger.command.project.ProjectNotFound;
import dev.timeledger.query.project.FetchProjectQuery;
import dev.timeledger.query.project.FetchProjectsQuery;
import dev.timeledger.query.project.ProjectView;
import dev.timeledger.web.command.CommandAnswer;
import dev.timeledger.web.command.CommandExecutor;
import dev.timeledger.web.report.Consistency;
import dev.timeledger.web.report.Positioned;
import dev.timeledger.web.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects: created and changed by managers and admins, listed for everyone of the
 * tenant.
 */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

	private final CommandExecutor commands;

	private final QueryGateway queries;

	private final Consistency consistency;

	ProjectController(CommandExecutor commands, QueryGateway queries, Consistency consistency) {
		this.commands = commands;
		this.queries = queries;
		this.consistency = consistency;
	}

	@PostMapping
	ResponseEntity<Object> create(Caller caller, @Valid @RequestBody ProjectRequests.Create body,
			HttpServletRequest request) {
		String projectId = UUID.randomUUID().toString();
		return this.commands.execute(caller, request, body,
				() -> new CreateProject(projectId, caller.actor(), body.name(), body.client(),
						(body.billable() != null) ? body.billable() : true,
						(body.hourlyRate() != null) ? body.hourlyRate().amount() : null,
						(body.hourlyRate() != null) ? body.hourlyRate().currency() : null),
				(result, position) -> CommandAnswer.created("/api/projects/" + projectId,
						Map.of("projectId", projectId)));
	}

	@PatchMapping("/{projectId}")
	ResponseEntity<Object> change(Caller caller, @PathVariable String projectId, @RequestBody JsonNode body,
			HttpServletRequest request) {
		return this.commands.execute(caller, request, body,
				() -> ProjectRequests.change(projectId, caller.actor(), body),
				(result, position) -> CommandAnswer.ok(Map.of("projectId", projectId)));
	}

	@GetMapping
	ResponseEntity<ProjectList> list(Caller caller, @RequestParam(required = false) Long consistentWith) {
		long position = this.consistency.current(consistentWith);
		List<ProjectView> projects = this.queries
			.query(new FetchProjectsQuery(caller.tenantId()), ResponseTypes.multipleInstancesOf(ProjectView.class))
			.join();
		return Positioned.answer(new ProjectList(projects, position), position);
	}

	@GetMapping("/{projectId}")
	ResponseEntity<Positioned<ProjectView>> get(Caller caller, @PathVariable String projectId,
			@RequestParam(required = false) Long consistentWith) {
		long position = this.consistency.current(consistentWith);
		ProjectView project = this.queries
			.query(new FetchProjectQuery(caller.tenantId(), projectId),
					ResponseTypes.optionalInstanceOf(ProjectView.class))
			.join()
			.orElseThrow(() -> new ProjectNotFound(projectId));
		return new Positioned<>(project, position).answer();
	}

}
