package dev.timeledger.web.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The whole server and two headless Chromium browsers, a worker's and a manager's, that
 * share one downloads directory. What has started is kept as it starts, so that
 * {@link #close()} stops it even when a later start failed.
 */
final class BrowserSession implements AutoCloseable {

	private RestartableServer server;

	private Path downloads;

	private ChromeDriver workerBrowser;

	private ChromeDriver managerBrowser;

	/**
	 * Starts the server, then the browsers. Skips the calling test class when Chromium is
	 * missing on a developer's machine and fails it on CI ({@code CI=true}).
	 * @param name names the server's database and data directory
	 * @param properties more {@code --name=value} arguments for the server
	 */
	void start(String name, String... properties) throws IOException {
		Chromium.requireInstalled();
		this.server = RestartableServer.start(name, properties);
		this.downloads = Files.createTempDirectory("downloads");
		this.workerBrowser = Chromium.start(this.downloads);
		this.managerBrowser = Chromium.start(this.downloads);
	}

	/**
	 * What each browser showed and wrote to its console when a test failed, and the
	 * server's latest changes: target/screenshots/failed-*.
	 */
	FailureEvidence evidenceOfAFailure() {
		return new FailureEvidence(
				Map.of("failed-worker", () -> this.workerBrowser, "failed-manager", () -> this.managerBrowser),
				() -> (this.server != null) ? this.server.jdbcUrl() : null);
	}

	Page worker() {
		return new Page(this.workerBrowser, this.server.url(""));
	}

	Page manager() {
		return new Page(this.managerBrowser, this.server.url(""));
	}

	RestartableServer server() {
		return this.server;
	}

	/**
	 * A token of the server's local issuer, as a bearer token of an identity provider.
	 */
	String localToken(String user, String name) throws IOException, InterruptedException {
		String body = "{\"user\":\"" + user + "\",\"tenant\":\"demo\",\"roles\":[\"worker\"],\"name\":\"" + name
				+ "\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.url("/api/dev/tokens")))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		String answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
		return new ObjectMapper().readTree(answer).get("token").asText();
	}

	/**
	 * A downloaded file whose name ends with {@code suffix}, null while there is none.
	 */
	Path downloaded(String suffix) {
		try (var files = Files.list(this.downloads)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).findFirst().orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Stops the browsers and the server, whichever of them started. */
	@Override
	public void close() {
		try {
			quit(this.workerBrowser);
		}
		finally {
			try {
				quit(this.managerBrowser);
			}
			finally {
				if (this.server != null) {
					this.server.close();
				}
			}
		}
	}

	private static void quit(ChromeDriver browser) {
		if (browser != null) {
			browser.quit();
		}
	}

}
