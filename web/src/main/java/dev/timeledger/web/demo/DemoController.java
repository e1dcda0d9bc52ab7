package dev.timeledger.web.demo;

import java.util.Map;

import dev.timeledger.web.command.CommandExecutor;
import dev.timeledger.web.security.ConditionalOnLocalMode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/dev/demo}: the demo tenant's users (the page's sign-in choices) and a
 * one-click demo data set. Local mode only, like {@code /api/dev/tokens}: with an
 * identity provider configured the path answers 404, which also tells the page to ask for
 * a token instead.
 */
@RestController
@RequestMapping("/api/dev/demo")
@ConditionalOnLocalMode
class DemoController {

	private final DemoLoader loader;

	DemoController(DemoLoader loader) {
		this.loader = loader;
	}

	@GetMapping
	Map<String, Object> describe() {
		return Map.of("tenant", DemoUsers.TENANT, "loaded", this.loader.loaded(), "users", DemoUsers.ALL);
	}

	@PostMapping
	ResponseEntity<DemoLoader.Loaded> load() {
		DemoLoader.Loaded loaded = this.loader.load();
		return ResponseEntity.ok()
			.header(CommandExecutor.POSITION_HEADER, Long.toString(loaded.position()))
			.body(loaded);
	}

}
