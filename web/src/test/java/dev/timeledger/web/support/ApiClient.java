package dev.timeledger.web.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A real HTTP client for the server under test, with development tokens. */
public final class ApiClient {

	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** A token from the local dev endpoint. */
	public String token(String tenant, String user, String... roles) {
		return devToken(Map.of("user", user, "tenant", tenant, "roles", List.of(roles)));
	}

	/** A token from the local dev endpoint for a user in a time zone. */
	public String tokenInZone(String tenant, String user, String zone, String... roles) {
		return devToken(Map.of("user", user, "tenant", tenant, "roles", List.of(roles), "zone", zone));
	}

	private String devToken(Map<String, Object> request) {
		Response response = post("/api/dev/tokens", null, request);
		if (response.status() != 200) {
			throw new IllegalStateException("No token: " + response);
		}
		return response.json().get("token").asText();
	}

	/** A tenant name no other test uses. */
	public static String newTenant() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Response post(String path, String token, Object body) {
		return send(request(path, token).POST(body(body)).header("Content-Type", "application/json"));
	}

	public Response post(String path, String token, Object body, String idempotencyKey) {
		return post(path, token, body, "Idempotency-Key", idempotencyKey);
	}

	/** A JSON POST with one more header. */
	public Response post(String path, String token, Object body, String header, String value) {
		return send(
				request(path, token).POST(body(body)).header("Content-Type", "application/json").header(header, value));
	}

	public Response postRaw(String path, String token, String contentType, String body) {
		return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", contentType));
	}

	public Response put(String path, String token, Object body) {
		return send(request(path, token).PUT(body(body)).header("Content-Type", "application/json"));
	}

	public Response patch(String path, String token, Object body) {
		return send(request(path, token).method("PATCH", body(body)).header("Content-Type", "application/json"));
	}

	public Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a request that may answer with Server-Sent Events. An event stream is read
	 * until {@code events} events have arrived or {@code wait} has passed, then closed;
	 * any other answer is read whole. The body is the text read.
	 */
	public Response stream(HttpRequest.Builder request, int events, Duration wait) {
		try {
			HttpResponse<java.io.InputStream> response = this.http
				.sendAsync(request.header("Accept", "text/event-stream").build(),
						HttpResponse.BodyHandlers.ofInputStream())
				.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			boolean eventStream = response.headers()
				.firstValue("Content-Type")
				.orElse("")
				.startsWith("text/event-stream");
			StringBuilder text = new StringBuilder();
			CompletableFuture<Void> reading = CompletableFuture
				.runAsync(() -> readEvents(response.body(), eventStream ? events : Integer.MAX_VALUE, text));
			try {
				reading.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				// an open stream with fewer events: what arrived is the answer
			}
			response.body().close();
			synchronized (text) {
				return new Response(response.statusCode(), response.headers().map(), text.toString());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("No answer within " + wait, ex);
		}
	}

	private static void readEvents(java.io.InputStream body, int events, StringBuilder text) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			int seen = 0;
			boolean inEvent = false;
			for (String line = reader.readLine(); line != null && seen < events; line = reader.readLine()) {
				synchronized (text) {
					text.append(line).append('\n');
				}
				if (line.isEmpty() && inEvent) {
					seen++;
				}
				inEvent = line.startsWith("data:") || (inEvent && !line.isEmpty());
			}
		}
		catch (IOException ex) {
			// closed by the caller
		}
	}

	public HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher body(Object body) {
		if (body == null) {
			return HttpRequest.BodyPublishers.noBody();
		}
		try {
			return HttpRequest.BodyPublishers
				.ofString((body instanceof String text) ? text : JSON.writeValueAsString(body));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body text
	 */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			try {
				return (this.body == null || this.body.isEmpty()) ? MissingNode.getInstance()
						: JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Not JSON: " + this.body, ex);
			}
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The problem code of an error answer. */
		public String code() {
			return json().path("code").asText(null);
		}

		public long position() {
			return json().path("position").asLong(-1);
		}

	}

}
