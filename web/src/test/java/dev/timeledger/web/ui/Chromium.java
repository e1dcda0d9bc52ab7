package dev.timeledger.web.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * The system's headless Chromium and its driver (Debian's {@code chromium} and
 * {@code chromium-driver}), never a downloaded one: both paths are given to Selenium, so
 * Selenium Manager has nothing to look up. Override them with {@code CHROME_BIN} and
 * {@code CHROMEDRIVER} (or the system properties {@code chrome.bin} and
 * {@code webdriver.chrome.driver}).
 */
final class Chromium {

	private static final Path BROWSER = Path.of(setting("chrome.bin", "CHROME_BIN", "/usr/bin/chromium"));

	private static final Path DRIVER = Path
		.of(setting("webdriver.chrome.driver", "CHROMEDRIVER", "/usr/bin/chromedriver"));

	/**
	 * Selenium warns at every start that it has no DevTools (CDP) binding for this
	 * Chromium; the tests use WebDriver only. Held here: JUL keeps loggers weakly.
	 */
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
			Logger.getLogger("org.openqa.selenium.chromium"));

	private Chromium() {
	}

	/**
	 * Skips the calling test class when the browser is missing on a developer's machine;
	 * on CI ({@code CI=true}) a missing browser fails, so that the browser tests never
	 * pass by not running.
	 */
	static void requireInstalled() {
		boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
		String missing = "Chromium (" + BROWSER + ") and chromedriver (" + DRIVER + ") are needed:"
				+ " apt-get install chromium chromium-driver, or set CHROME_BIN and CHROMEDRIVER";
		if (!installed && "true".equals(System.getenv("CI"))) {
			fail(missing);
		}
		Assumptions.assumeTrue(installed, missing);
	}

	/** A new browser, in UTC, with its own profile; downloads go to {@code downloads}. */
	static ChromeDriver start(Path downloads) {
		QUIET.forEach((logger) -> logger.setLevel(Level.SEVERE));
		System.setProperty("webdriver.chrome.driver", DRIVER.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
				"--lang=en-GB", "--no-first-run", "--disable-extensions");
		// The page's console (its live connection writes a debug trail there) is kept for
		// the report of a failed test.
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withEnvironment(Map.of("TZ", "UTC"))
			.withTimeout(Duration.ofSeconds(30))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage()
			.timeouts()
			.pageLoadTimeout(Duration.ofSeconds(20))
			.scriptTimeout(Duration.ofSeconds(10))
			.implicitlyWait(Duration.ZERO);
		return driver;
	}

	private static String setting(String property, String environment, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(environment);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
