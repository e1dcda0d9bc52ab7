package dev.timeledger.web.problem;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import dev.timeledger.web.embeddedpostgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

class LostConnectionTransactionManagerTests {

	private static EmbeddedPostgresServer postgres;

	private static HikariDataSource pool;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void startDatabase() {
		postgres = EmbeddedPostgresServer.startEphemeral();
		pool = new HikariDataSource();
		pool.setJdbcUrl(postgres.jdbcUrl(EmbeddedPostgresServer.uniqueDatabaseName("lost_connection")));
		pool.setUsername("postgres");
		jdbc = new JdbcTemplate(pool);
		jdbc.execute("CREATE TABLE entry (id int PRIMARY KEY)");
	}

	@AfterAll
	static void stopDatabase() {
		pool.close();
		postgres.close();
	}

	@Test
	void aCommitOnAConnectionTheDatabaseDropped_failsAsAnOutage_andStoresNothing() {
		TransactionTemplate transactions = new TransactionTemplate(new LostConnectionTransactionManager(pool));

		Throwable failure = catchThrowable(() -> transactions.executeWithoutResult((status) -> {
			jdbc.update("INSERT INTO entry VALUES (1)");
			dropConnection(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
		}));

		// the commit fails on the broken connection; the rollback after it must not hide
		// why
		assertThat(failure).isNotNull();
		assertThat(DatabaseOutage.causes(failure)).as("answered 503, not 500: %s", failure).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM entry", Integer.class)).isZero();
	}

	/** Ends the backend from another session, as a database restart does. */
	private static void dropConnection(int backend) {
		JdbcTemplate admin = new JdbcTemplate(pool);
		try (HikariDataSource other = new HikariDataSource()) {
			other.setJdbcUrl(pool.getJdbcUrl());
			other.setUsername("postgres");
			admin.setDataSource(other);
			admin.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, backend);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> admin.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE pid = ?", Integer.class,
						backend) == 0);
		}
	}

}
