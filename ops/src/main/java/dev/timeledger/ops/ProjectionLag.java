package dev.timeledger.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How far the live projections are behind the event store, from the operator API. */
final class ProjectionLag {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProjectionLag() {
	}

	/** Events stored but not yet handled, summed over the live projections. */
	static long of(HttpClient http, String base, String operatorToken) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/projections"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + operatorToken)
			.build(), HttpResponse.BodyHandlers.ofString());
		long lag = 0;
		for (JsonNode projection : JSON.readTree(response.body()).path("projections")) {
			lag += projection.path("lag").asLong(0);
		}
		return lag;
	}

	/**
	 * Waits until no projection lags, at most the limit.
	 * @return the seconds waited, or NaN when the projections were still behind
	 */
	static double awaitNone(HttpClient http, String base, String operatorToken, Duration limit) throws Exception {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		while (of(http, base, operatorToken) > 0) {
			if (System.nanoTime() - deadline > 0) {
				return Double.NaN;
			}
			Thread.sleep(100);
		}
		return (System.nanoTime() - start) / 1e9;
	}

}
