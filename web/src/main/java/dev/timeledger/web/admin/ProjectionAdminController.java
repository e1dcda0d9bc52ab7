package dev.timeledger.web.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Role;
import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionCatalog;
import dev.timeledger.query.projection.ProjectionProgress;
import dev.timeledger.query.projection.ProjectionRunner;
import dev.timeledger.query.projection.ProjectionState;
import dev.timeledger.web.problem.Problems;
import dev.timeledger.web.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Projection operations for operators: status, lag and rebuilds. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

	private final ProjectionRunner runner;

	private final ProjectionCatalog catalog;

	private final ProjectionProgress progress;

	ProjectionAdminController(ProjectionRunner runner, ProjectionCatalog catalog, ProjectionProgress progress) {
		this.runner = runner;
		this.catalog = catalog;
		this.progress = progress;
	}

	@GetMapping
	Map<String, Object> projections(Caller caller) {
		caller.actor().requireAny(Role.OPERATOR);
		long head = this.progress.head();
		List<Map<String, Object>> projections = this.catalog.all()
			.stream()
			.map((state) -> status(state, head))
			.toList();
		return Map.of("head", head, "projections", projections);
	}

	@PostMapping("/{name}/rebuild")
	ResponseEntity<Object> rebuild(Caller caller, @PathVariable String name,
			@RequestParam(name = "switch", defaultValue = "automatic") String switchMode) {
		caller.actor().requireAny(Role.OPERATOR);
		Projection projection = projection(name);
		if (!switchMode.equals("automatic") && !switchMode.equals("manual")) {
			throw new InvalidInput("switch must be automatic or manual");
		}
		return this.runner.rebuild(projection, switchMode.equals("manual"))
			.<ResponseEntity<Object>>map((version) -> ResponseEntity.accepted()
				.header("Location", "/api/admin/projections")
				.body(Map.of("projection", name, "version", version, "status", "rebuilding")))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Problems.of(HttpStatus.CONFLICT, "rebuild-running",
						"Projection " + name + " is already being rebuilt; watch GET /api/admin/projections")));
	}

	@PostMapping("/{name}/switch")
	ResponseEntity<Object> switchLive(Caller caller, @PathVariable String name) {
		caller.actor().requireAny(Role.OPERATOR);
		if (!this.runner.switchNow(projection(name))) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Problems.of(HttpStatus.CONFLICT, "rebuild-not-caught-up",
						"Projection " + name + " has no rebuilt version that has caught up with the live one"));
		}
		return ResponseEntity.ok(status(this.catalog.find(name).orElseThrow(), this.progress.head()));
	}

	private Projection projection(String name) {
		return this.runner.projection(name).orElseThrow(() -> new ProjectionNotFound(name));
	}

	private Map<String, Object> status(ProjectionState state, long head) {
		long position = this.progress.position(state.projection(), state.liveVersion());
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("name", state.projection());
		status.put("status", state.rebuilding() ? "rebuilding" : "live");
		status.put("version", state.liveVersion());
		status.put("position", position);
		status.put("lag", Math.max(0, head - position));
		if (state.rebuilding()) {
			long done = this.progress.position(state.projection(), state.rebuildingVersion());
			double seconds = Math.max(0.001,
					Duration.between(state.rebuildStartedAt(), Instant.now()).toMillis() / 1000.0);
			Map<String, Object> rebuild = new LinkedHashMap<>();
			rebuild.put("version", state.rebuildingVersion());
			rebuild.put("startedAt", state.rebuildStartedAt());
			rebuild.put("eventsDone", done);
			rebuild.put("eventsTotal", head);
			rebuild.put("percent", (head == 0) ? 100.0 : Math.min(100.0, Math.round(done * 1000.0 / head) / 10.0));
			rebuild.put("eventsPerSecond", Math.round(done / seconds));
			rebuild.put("switch", state.manualSwitch() ? "manual" : "automatic");
			status.put("rebuild", rebuild);
		}
		return status;
	}

}
