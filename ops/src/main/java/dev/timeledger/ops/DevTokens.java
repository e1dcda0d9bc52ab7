package dev.timeledger.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Development tokens from a local-mode server's {@code POST /api/dev/tokens}. */
final class DevTokens {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http;

	private final URI endpoint;

	DevTokens(HttpClient http, int port) {
		this.http = http;
		this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/dev/tokens");
	}

	/** A token of the user in the tenant with one role. */
	String issue(String tenant, String user, String role) throws Exception {
		String body = "{\"user\":\"" + user + "\",\"tenant\":\"" + tenant + "\",\"roles\":[\"" + role + "\"]}";
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"A token for " + user + " was refused: " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body()).get("token").asText();
	}

}
