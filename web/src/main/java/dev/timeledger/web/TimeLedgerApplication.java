package dev.timeledger.web;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The TimeLedger server: REST, security and the event store on PostgreSQL. */
@SpringBootApplication(scanBasePackages = "dev.timeledger")
@ConfigurationPropertiesScan
@EnableScheduling
public class TimeLedgerApplication {

	/** The domain's clock: UTC, to the second, as every tracked time is. */
	@Bean
	Clock clock() {
		return Clock.tickSeconds(ZoneOffset.UTC);
	}

	public static void main(String[] args) {
		// no advertising for a hosted console in a self-hosted server's log
		System.setProperty("disable-axoniq-console-message", "true");
		SpringApplication.run(TimeLedgerApplication.class, args);
	}

}
