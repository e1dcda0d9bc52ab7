package dev.timeledger.web;

import java.util.List;
import java.util.Optional;

import dev.timeledger.web.security.LocalTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says where the server listens once it is ready and, in local mode, prints sample tokens
 * of a demo tenant so that the API can be tried at once.
 */
@Component
class StartupBanner {

	private static final Logger logger = LoggerFactory.getLogger(StartupBanner.class);

	private final ObjectProvider<LocalTokens> localTokens;

	StartupBanner(ObjectProvider<LocalTokens> localTokens) {
		this.localTokens = localTokens;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		int port = (event.getApplicationContext() instanceof WebServerApplicationContext web)
				? web.getWebServer().getPort() : -1;
		StringBuilder banner = new StringBuilder("\n\n  TimeLedger is ready at http://localhost:" + port + "/\n");
		Optional.ofNullable(this.localTokens.getIfAvailable()).ifPresent((tokens) -> {
			banner.append("  Local mode: tokens are signed by this server (POST /api/dev/tokens issues more).\n");
			banner.append("  Worker  (tenant demo, user demo-worker):\n    ")
				.append(tokens.issue("demo-worker", "demo", List.of("worker"), "Demo Worker", null).token())
				.append('\n');
			banner.append("  Manager (tenant demo, user demo-manager):\n    ")
				.append(tokens.issue("demo-manager", "demo", List.of("manager", "admin"), "Demo Manager", null).token())
				.append('\n');
		});
		logger.info(banner.toString());
	}

}
