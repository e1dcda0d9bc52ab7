package dev.timeledger.web.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser on the page, seen as a user sees it: buttons by their words, text on
 * screen, and explicit bounded waits for what should appear. The page re-renders parts of
 * itself when live data arrives, so every lookup is retried inside the wait.
 */
final class Page {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final WebDriver driver;

	private final String base;

	Page(WebDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	void open(String path) {
		this.driver.get(this.base + path);
	}

	static By button(String words) {
		return By.xpath("//button[contains(normalize-space(.), '" + words + "')]");
	}

	static By link(String words) {
		return By.xpath("//a[normalize-space(.)='" + words + "']");
	}

	void click(By target) {
		await("clickable " + target, (driver) -> {
			WebElement element = driver.findElement(target);
			if (!element.isDisplayed() || !element.isEnabled()) {
				return null;
			}
			element.click();
			return true;
		});
	}

	/**
	 * Waits until the element shows text containing {@code expected}; answers its text.
	 */
	String awaitText(By target, String expected) {
		return await("'" + expected + "' in " + target, (driver) -> {
			String text = driver.findElement(target).getText();
			return text.contains(expected) ? text : null;
		});
	}

	String text(By target) {
		return await("text of " + target, (driver) -> driver.findElement(target).getText());
	}

	/**
	 * Sets a native date or time input, whose typed form depends on the browser's locale.
	 */
	void setValue(By target, String value) {
		WebElement element = await("input " + target, (driver) -> driver.findElement(target));
		script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
				element, value);
	}

	/** Accepts the confirmation dialog that the last action opened. */
	void confirm() {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
	}

	/** Presses a key on whatever has the keyboard focus, as a keyboard user would. */
	void pressOnFocused(CharSequence key) {
		this.driver.switchTo().activeElement().sendKeys(key);
	}

	/**
	 * Takes the browser off the network, or puts it back: the page sees the browser's
	 * offline and online events and loses its connections as on a real network drop.
	 */
	void network(boolean online) {
		ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
		conditions.setOffline(!online);
		((HasNetworkConditions) this.driver).setNetworkConditions(conditions);
	}

	void type(By target, String text) {
		await("input " + target, (driver) -> driver.findElement(target)).sendKeys(text);
	}

	void select(By target, String visibleText) {
		await("option '" + visibleText + "' of " + target, (driver) -> {
			new Select(driver.findElement(target)).selectByVisibleText(visibleText);
			return true;
		});
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Writes {@code target/screenshots/NAME.png}, of the view itself: passing notices,
	 * which the tests check on their own, are cleared first.
	 */
	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			script("window.scrollTo(0, 0); document.getElementById('notices')?.replaceChildren()");
			Path shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes what the page wrote to its console to {@code target/screenshots/NAME.log}.
	 */
	void saveConsole(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			List<String> lines = this.driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map((entry) -> Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getLevel() + " "
						+ entry.getMessage())
				.toList();
			Files.write(SCREENSHOTS.resolve(name + ".log"), lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A screenshot of a window this many pixels tall, for a view longer than the screen.
	 */
	void screenshot(String name, int height) {
		Dimension size = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(size.getWidth(), height));
		try {
			screenshot(name);
		}
		finally {
			this.driver.manage().window().setSize(size);
		}
	}

	<T> T await(String what, Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, WAIT).withMessage("waiting for " + what)
			.ignoring(NoSuchElementException.class)
			.ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

}
