package dev.timeledger.web.security;

import java.net.http.HttpRequest;
import java.time.Duration;

import dev.timeledger.web.support.ApiClient;
import dev.timeledger.web.support.ApiClient.Response;
import dev.timeledger.web.support.RawStompClient;
import dev.timeledger.web.support.StompFrames;
import dev.timeledger.web.support.StompFrames.Frame;
import dev.timeledger.web.support.TestWorld;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways a bearer token reaches the server, each with its own way to refuse one: REST
 * and SSE answer 401 problem+json {@code unauthorized} (SSE before any stream opens),
 * STOMP answers {@code CONNECT} with an {@code ERROR} frame {@code unauthorized} and
 * closes the connection.
 */
enum AuthChannel {

	REST_READ {
		@Override
		void expect(Server server, JwtVector.Attempt attempt) {
			Response response = server.api().send(server.request("/api/projects", attempt).GET());
			expectHttp(response, attempt, 200);
		}
	},

	REST_WRITE {
		@Override
		void expect(Server server, JwtVector.Attempt attempt) {
			Response response = server.api()
				.send(server.request("/api/projects", attempt)
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Vector\"}"))
					.header("Content-Type", "application/json"));
			expectHttp(response, attempt, 201);
			assertThat(server.events(attempt.tenant())).as("events stored").isEqualTo(attempt.accepted() ? 1 : 0);
		}
	},

	SSE {
		@Override
		void expect(Server server, JwtVector.Attempt attempt) {
			Response response = server.api().stream(server.request("/api/events/stream", attempt).GET(), 0, WAIT);
			expectHttp(response, attempt, 200);
			assertThat(response.header("Content-Type").startsWith("text/event-stream")).isEqualTo(attempt.accepted());
		}
	},

	STOMP_CONNECT {
		@Override
		void expect(Server server, JwtVector.Attempt attempt) {
			try (RawStompClient client = RawStompClient.open(server.port()).connect(attempt.authorization())) {
				Frame answer = client.nextFrame(WAIT);
				assertThat(answer).as("an answer to CONNECT").isNotNull();
				if (attempt.accepted()) {
					assertThat(answer.command()).as(answer.message()).isEqualTo("CONNECTED");
				}
				else {
					assertThat(answer.command()).isEqualTo("ERROR");
					assertThat(answer.message()).startsWith("unauthorized");
					assertThat(client.awaitClose(WAIT)).isEqualTo(1002);
				}
			}
		}
	};

	private static final Duration WAIT = Duration.ofSeconds(10);

	abstract void expect(Server server, JwtVector.Attempt attempt);

	private static void expectHttp(Response response, JwtVector.Attempt attempt, int acceptedStatus) {
		if (attempt.accepted()) {
			assertThat(response.status()).as(response.body()).isEqualTo(acceptedStatus);
		}
		else {
			assertThat(TestWorld.isProblem(response, 401, "unauthorized")).as(response.status() + " " + response.body())
				.isTrue();
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
	}

	/**
	 * The server under test.
	 *
	 * @param api its HTTP client
	 * @param port its port
	 * @param jdbc its database
	 */
	record Server(ApiClient api, int port, JdbcClient jdbc) {

		HttpRequest.Builder request(String path, JwtVector.Attempt attempt) {
			HttpRequest.Builder request = this.api.request(path, null);
			return (attempt.authorization() != null) ? request.header("Authorization", attempt.authorization())
					: request;
		}

		long events(String tenant) {
			return this.jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE tenant_id = ?")
				.param(tenant)
				.query(Long.class)
				.single();
		}

	}

}
