package dev.timeledger.web.demo;

import dev.timeledger.web.security.ConditionalOnLocalMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code timeledger.demo=true} (or {@code TIMELEDGER_DEMO=true}): loads the demo data set
 * when the server is ready, unless the demo tenant has data already. Ignored when an
 * identity provider is configured: the demo belongs to local mode.
 */
@Component
@ConditionalOnLocalMode
@ConditionalOnProperty(name = "timeledger.demo", havingValue = "true")
class DemoOnStartup {

	private static final Logger logger = LoggerFactory.getLogger(DemoOnStartup.class);

	private final DemoLoader loader;

	DemoOnStartup(DemoLoader loader) {
		this.loader = loader;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (this.loader.loaded()) {
			logger.info("Demo data set: tenant '{}' has data already, nothing loaded", DemoUsers.TENANT);
			return;
		}
		DemoLoader.Loaded loaded = this.loader.load();
		logger.info("Demo data set loaded: {} projects, {} entries in tenant '{}'", loaded.projects(), loaded.entries(),
				loaded.tenant());
	}

}
