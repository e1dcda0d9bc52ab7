package dev.timeledger.ops;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.web.support.ApiClient;

/** How far the live projections are behind the event store, from the operator API. */
final class ProjectionLag {

	private ProjectionLag() {
	}

	/**
	 * Events stored but not yet handled, summed over the live projections.
	 * @throws IllegalStateException when the operator API does not answer 200
	 */
	static long of(ApiClient api, String operatorToken) {
		ApiClient.Response response = api.get("/api/admin/projections", operatorToken);
		if (response.status() != 200) {
			throw new IllegalStateException("GET /api/admin/projections answered " + response);
		}
		long lag = 0;
		for (JsonNode projection : response.json().path("projections")) {
			lag += projection.path("lag").asLong(0);
		}
		return lag;
	}

	/**
	 * Waits until no projection lags, at most the limit.
	 * @return the seconds waited, or NaN when the projections were still behind
	 */
	static double awaitNone(ApiClient api, String operatorToken, Duration limit) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		while (of(api, operatorToken) > 0) {
			if (System.nanoTime() - deadline > 0) {
				return Double.NaN;
			}
			Thread.sleep(100);
		}
		return (System.nanoTime() - start) / 1e9;
	}

}
