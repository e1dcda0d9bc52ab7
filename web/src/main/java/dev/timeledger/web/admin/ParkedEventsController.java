package dev.timeledger.web.admin;

import java.util.List;
import java.util.Map;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Role;
import dev.timeledger.command.operations.ReleaseParkedEvents;
import dev.timeledger.query.projection.ParkedEvent;
import dev.timeledger.query.projection.ParkedEvents;
import dev.timeledger.query.projection.ProjectionRunner;
import dev.timeledger.web.command.CommandAnswer;
import dev.timeledger.web.command.CommandExecutor;
import dev.timeledger.web.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events projections parked because a handler failed on them: listed for operators,
 * and released to be handled again once the cause is fixed.
 */
@RestController
@RequestMapping("/api/admin/parked-events")
class ParkedEventsController {

	private final ParkedEvents parked;

	private final ProjectionRunner runner;

	private final CommandExecutor commands;

	ParkedEventsController(ParkedEvents parked, ProjectionRunner runner, CommandExecutor commands) {
		this.parked = parked;
		this.runner = runner;
		this.commands = commands;
	}

	@GetMapping
	Map<String, Object> list(Caller caller, @RequestParam(required = false) String projection,
			@RequestParam(defaultValue = "100") int limit) {
		caller.actor().requireAny(Role.OPERATOR);
		if (limit < 1 || limit > 1000) {
			throw new InvalidInput("limit must be between 1 and 1000");
		}
		if (projection != null) {
			requireProjection(projection);
		}
		List<ParkedEvent> events = this.parked.list(projection, limit);
		return Map.of("parkedEvents", events, "counts", this.parked.counts());
	}

	@PostMapping("/releases")
	ResponseEntity<Object> release(Caller caller, @Valid @RequestBody Release body, HttpServletRequest request) {
		caller.actor().requireAny(Role.OPERATOR);
		requireProjection(body.projection());
		if (!this.parked.isParked(body.projection(), body.sequence())) {
			throw new ParkedSequenceNotFound(body.projection(), body.sequence());
		}
		return this.commands.execute(caller, request, body,
				() -> new ReleaseParkedEvents(body.projection(), body.sequence(), caller.actor()),
				(result, position) -> new CommandAnswer(HttpStatus.ACCEPTED,
						Map.of("projection", body.projection(), "sequence", body.sequence()), null));
	}

	private void requireProjection(String name) {
		this.runner.projection(name).orElseThrow(() -> new ProjectionNotFound(name));
	}

	/**
	 * {@code POST /api/admin/parked-events/releases}.
	 *
	 * @param projection the projection that parked the events
	 * @param sequence the parked sequence, as listed
	 */
	record Release(@NotBlank String projection, @NotBlank String sequence) {
	}

}
