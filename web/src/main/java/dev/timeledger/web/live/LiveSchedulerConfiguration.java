package dev.timeledger.web.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The scheduler of STOMP heart-beats and token expiries. */
@Configuration(proxyBeanMethods = false)
class LiveSchedulerConfiguration {

	@Bean
	ThreadPoolTaskScheduler liveScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		scheduler.setThreadNamePrefix("live-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		return scheduler;
	}

}
