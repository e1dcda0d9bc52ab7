package dev.timeledger.web.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a failed browser test leaves in {@code target/screenshots}: each browser's
 * screenshot and console ({@code NAME.png}, {@code NAME.log}), and the server's newest
 * change-log rows, token positions and events ({@code failed-changes.txt}).
 */
final class FailureEvidence implements TestWatcher {

	private final Map<String, Supplier<ChromeDriver>> browsers;

	private final Supplier<String> jdbcUrl;

	/**
	 * @param browsers the browsers by the name of their files; a supplier may answer null
	 * @param jdbcUrl the server's database (user postgres), null when there is none
	 */
	FailureEvidence(Map<String, Supplier<ChromeDriver>> browsers, Supplier<String> jdbcUrl) {
		this.browsers = browsers;
		this.jdbcUrl = jdbcUrl;
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		this.browsers.forEach((name, browser) -> browser(browser.get(), name));
		latestChanges(Path.of("target", "screenshots", "failed-changes.txt"));
	}

	private static void browser(ChromeDriver browser, String name) {
		try {
			if (browser != null) {
				Page page = new Page(browser, "");
				page.saveConsole(name);
				page.screenshot(name);
			}
		}
		catch (RuntimeException ex) {
			// The failure itself is what the report must show, not a browser that is
			// gone.
			System.err.println("No screenshot " + name + ": " + ex);
		}
	}

	/** The change log's newest rows and the projections' positions, for the report. */
	private void latestChanges(Path file) {
		String url = this.jdbcUrl.get();
		if (url == null) {
			return;
		}
		List<String> lines = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String query : List.of(
					"SELECT position, projection, destination, kind, cause, recorded_at FROM change_log"
							+ " ORDER BY position DESC, destination LIMIT 40",
					"SELECT processor_name, segment, owner, convert_from(token, 'UTF8') FROM token_entry",
					"SELECT global_index, payload_type, time_stamp FROM domain_event_entry"
							+ " ORDER BY global_index DESC LIMIT 20")) {
				lines.add(query);
				try (ResultSet rows = statement.executeQuery(query)) {
					int columns = rows.getMetaData().getColumnCount();
					while (rows.next()) {
						StringBuilder line = new StringBuilder();
						for (int column = 1; column <= columns; column++) {
							line.append(column > 1 ? " | " : "  ").append(rows.getString(column));
						}
						lines.add(line.toString());
					}
				}
			}
			Files.createDirectories(file.getParent());
			Files.write(file, lines);
		}
		catch (SQLException | IOException | RuntimeException ex) {
			System.err.println("No list of changes: " + ex);
		}
	}

}
