package dev.timeledger.web.embeddedpostgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.timeledger.web.TimeLedgerProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, TimeLedger runs its own PostgreSQL in
 * {@code <data-dir>/postgres}, so that one command starts a working server that keeps its
 * data across restarts.
 */
@Configuration(proxyBeanMethods = false)
// matches only when the property is missing: no value equals the sentinel
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded-postgres-sentinel",
		matchIfMissing = true)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(TimeLedgerProperties properties) {
		TimeLedgerProperties.EmbeddedPostgres settings = properties.embeddedPostgres();
		if (settings.ephemeral()) {
			return EmbeddedPostgresServer.startEphemeral();
		}
		return EmbeddedPostgresServer.start(properties.dataDir().resolve("postgres"), true, settings.port(),
				settings.settings());
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server, TimeLedgerProperties properties) {
		String database = properties.embeddedPostgres().freshDatabase()
				? EmbeddedPostgresServer.uniqueDatabaseName("timeledger") : "timeledger";
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl(database));
		dataSource.setUsername("postgres");
		return dataSource;
	}

}
