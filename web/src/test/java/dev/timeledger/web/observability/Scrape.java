package dev.timeledger.web.observability;

import java.util.Arrays;

import dev.timeledger.web.support.ApiClient;

/** One read of {@code /actuator/prometheus}. */
final class Scrape {

	private final String body;

	private Scrape(String body) {
		this.body = body;
	}

	static Scrape of(ApiClient api) {
		ApiClient.Response response = api.get("/actuator/prometheus", null);
		if (response.status() != 200) {
			throw new IllegalStateException("No metrics: " + response);
		}
		return new Scrape(response.body());
	}

	/**
	 * The value of the sample with this name and these labels ({@code key="value"}), 0
	 * when there is none: a counter that has not counted yet.
	 */
	double value(String name, String... labels) {
		return this.body.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.map((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0.0);
	}

	/** Whether a sample with this name and these labels exists. */
	boolean has(String name, String... labels) {
		return this.body.lines()
			.anyMatch((line) -> line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains));
	}

}
