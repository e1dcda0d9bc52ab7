package dev.timeledger.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.timeledger.web.support.ApiTest;
import dev.timeledger.web.support.Jwts;
import dev.timeledger.web.support.StompTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every refused frame is answered with ERROR, the connection closes and nothing is
 * delivered.
 */
class StompSecurityIntegrationTests extends ApiTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	RSAKey localSigningKey;

	@Test
	void connectWithoutOrWithABadToken_isRefused() {
		assertThatThrownBy(() -> StompTestClient.connect(this.port, null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("unauthorized");
		assertThatThrownBy(() -> StompTestClient.connect(this.port, "not-a-jwt"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("unauthorized");
	}

	@Test
	void subscribingToAnotherTenant_isAnsweredWithError_andNothingIsDelivered() throws Exception {
		String foreignManager = this.api.token("other-" + this.world.tenant, "mia", "manager");
		try (StompTestClient client = StompTestClient.connect(this.port, foreignManager)) {
			BlockingQueue<JsonNode> messages = client
				.subscribe("/topic/tenants/" + this.world.tenant + "/team-weekly-reports/2026-W47", null);
			this.world.record(this.world.worker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");

			assertThat(client.awaitClosed(WAIT)).isTrue();
			assertThat(client.errors()).anySatisfy((error) -> assertThat(error).startsWith("forbidden"));
			assertThat(StompTestClient.next(messages, Duration.ofMillis(500))).isNull();
		}
	}

	@Test
	void aWorkerSubscribingToAnotherWorkersWeek_isRefused_butMayWatchItsOwn() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.otherWorker)) {
			client.subscribe("/topic/tenants/" + this.world.tenant + "/weekly-reports/walt/2026-W47", null);
			assertThat(client.awaitClosed(WAIT)).isTrue();
			assertThat(client.errors()).anySatisfy((error) -> assertThat(error).startsWith("forbidden"));
		}
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.otherWorker)) {
			BlockingQueue<JsonNode> messages = client
				.subscribe("/topic/tenants/" + this.world.tenant + "/weekly-reports/olga/2026-W47", null);
			Thread.sleep(200);
			this.world.record(this.world.otherWorker, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
			assertThat(StompTestClient.next(messages, WAIT)).isNotNull();
		}
	}

	@Test
	void workersCannotWatchTheTeamOrProjects_unknownDestinationsAreRefused() throws Exception {
		for (String destination : List.of("/topic/tenants/" + this.world.tenant + "/team-weekly-reports/2026-W47",
				"/topic/tenants/" + this.world.tenant + "/project-reports/" + this.world.projectId,
				"/topic/tenants/" + this.world.tenant + "/everything", "/queue/anything")) {
			try (StompTestClient client = StompTestClient.connect(this.port, this.world.worker)) {
				client.subscribe(destination, null);
				assertThat(client.awaitClosed(WAIT)).as(destination).isTrue();
				assertThat(client.errors()).as(destination).isNotEmpty();
			}
		}
	}

	@Test
	void clientSends_areRefused() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			client.send("/topic/tenants/" + this.world.tenant + "/team-weekly-reports/2026-W47",
					"{\"type\":\"reset\"}");
			assertThat(client.awaitClosed(WAIT)).isTrue();
			assertThat(client.errors()).anySatisfy((error) -> assertThat(error).startsWith("send-not-allowed"));
		}
	}

	@Test
	void anOversizedFrame_isRejected() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			client.send("/app/anything", "x".repeat(70_000));
			assertThat(client.awaitClosed(WAIT)).isTrue();
		}
	}

	@Test
	void anExpiredToken_closesTheConnection_withAnError() throws Exception {
		Instant now = Instant.now();
		String shortLived = Jwts.rs256(this.localSigningKey,
				new JWTClaimsSet.Builder().issuer("timeledger-local")
					.subject("walt")
					.claim("tenant_id", this.world.tenant)
					.claim("roles", List.of("worker"))
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(2)))
					.build());
		try (StompTestClient client = StompTestClient.connect(this.port, shortLived)) {
			client.subscribe("/topic/tenants/" + this.world.tenant + "/weekly-reports/walt/2026-W47", null);

			assertThat(client.awaitClosed(Duration.ofSeconds(90))).isTrue();
			assertThat(client.errors()).contains("token-expired");
		}
	}

	@Test
	void tooManyFrames_closeTheConnection() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.port, this.world.manager)) {
			String destination = "/topic/tenants/" + this.world.tenant + "/team-weekly-reports/2026-W47";
			for (int i = 0; i < 120 && client.session().isConnected(); i++) {
				client.subscribe(destination, null).clear();
			}
			assertThat(client.awaitClosed(WAIT)).isTrue();
			assertThat(client.errors()).anySatisfy((error) -> assertThat(error).startsWith("rate-limited"));
		}
	}

}
