package dev.timeledger.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.query.projection.ProjectionProgress;
import dev.timeledger.web.security.LocalTokens;

/**
 * Idle-to-updated latency: a write over HTTP, then the time from its answer until the
 * weekly report's live version includes its position; the projections idle 50 ms between
 * writes.
 */
final class ProjectionLatencyBenchmark {

	private ProjectionLatencyBenchmark() {
	}

	static void run(int writes) throws Exception {
		try (BenchmarkServer server = BenchmarkServer.start()) {
			ProjectionProgress progress = server.bean(ProjectionProgress.class);
			String manager = server.bean(LocalTokens.class)
				.issue("mia", "acme", List.of("manager", "worker"), "Mia", null)
				.token();
			HttpClient http = HttpClient.newHttpClient();
			ObjectMapper json = new ObjectMapper();
			String base = "http://127.0.0.1:" + server.port();
			String projectId = json
				.readTree(post(http, base + "/api/projects", manager, "{\"name\":\"Apollo\"}").body())
				.get("projectId")
				.asText();
			int warmup = Math.min(100, writes);
			long[] micros = new long[writes];
			Instant slot = Instant.parse("2020-01-06T00:00:00Z");
			for (int i = -warmup; i < writes; i++) {
				Instant start = slot.plusSeconds(3600L * (i + warmup));
				HttpResponse<String> response = post(http, base + "/api/time-entries", manager, "{\"projectId\":\""
						+ projectId + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plusSeconds(1800) + "\"}");
				long answered = System.nanoTime();
				long position = json.readTree(response.body()).get("position").asLong();
				while (progress.position("weekly-report") < position) {
					Thread.onSpinWait();
				}
				if (i >= 0) {
					micros[i] = (System.nanoTime() - answered) / 1000;
				}
				Thread.sleep(50);
			}
			Arrays.sort(micros);
			System.out.println();
			System.out.println("| writes | p50 | p95 | p99 | max |");
			System.out.println("|---|---|---|---|---|");
			System.out.printf(Locale.ROOT, "| %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", writes,
					micros[writes / 2] / 1000.0, micros[(int) (writes * 0.95)] / 1000.0,
					micros[(int) (writes * 0.99)] / 1000.0, micros[writes - 1] / 1000.0);
		}
	}

	private static HttpResponse<String> post(HttpClient http, String url, String token, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
