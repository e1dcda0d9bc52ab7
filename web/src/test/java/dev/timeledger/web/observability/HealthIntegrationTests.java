package dev.timeledger.web.observability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The probes a platform asks: liveness is the process alone, readiness adds the database
 * and the projections' lag (limited to zero events here).
 */
@ObservabilityTest
class HealthIntegrationTests extends ApiTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	private DataSource dataSource;

	@Test
	void bothProbes_answerUp_andReadinessShowsTheDatabaseAndTheLag() {
		Response liveness = this.api.get("/actuator/health/liveness", null);
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
		assertThat(liveness.json().path("components").has("db")).as("liveness never asks the database").isFalse();

		await().atMost(WAIT).untilAsserted(() -> {
			Response readiness = this.api.get("/actuator/health/readiness", null);
			assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
			JsonNode components = readiness.json().get("components");
			assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
			assertThat(components.get("readinessState").get("status").asText()).isEqualTo("UP");
			JsonNode lag = components.get("projectionLag");
			assertThat(lag.get("status").asText()).isEqualTo("UP");
			assertThat(lag.get("details").get("projections").get("weekly-report").get("lag").asLong()).isZero();
		});
	}

	@Test
	void aProjectionBehindTheLimit_takesTheNodeOutOfService_whileItStaysAlive() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			holdTheTokenOf("weekly-report", connection);

			this.world.recordEntry("2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

			await().atMost(WAIT).untilAsserted(() -> {
				Response readiness = this.api.get("/actuator/health/readiness", null);
				assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
				assertThat(readiness.json().get("status").asText()).isEqualTo("OUT_OF_SERVICE");
				JsonNode lag = readiness.json().get("components").get("projectionLag");
				assertThat(lag.get("status").asText()).isEqualTo("OUT_OF_SERVICE");
				assertThat(lag.get("details").get("projections").get("weekly-report").get("lag").asLong()).isPositive();
			});
			assertThat(this.api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
			connection.rollback();
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.api.get("/actuator/health/readiness", null).status()).isEqualTo(200));
	}

	/**
	 * Locks the token of the projection's live processor: it handles the next batch but
	 * cannot store it, so its position stays where it is until the lock is released.
	 */
	private void holdTheTokenOf(String projection, Connection connection) throws Exception {
		try (PreparedStatement lock = connection.prepareStatement(
				"""
						SELECT 1 FROM token_entry t JOIN projection_version v ON t.processor_name = v.projection || '@' || v.live_version
						WHERE v.projection = ? FOR UPDATE OF t""")) {
			lock.setString(1, projection);
			assertThat(lock.executeQuery().next()).as("a token to hold").isTrue();
		}
	}

}
