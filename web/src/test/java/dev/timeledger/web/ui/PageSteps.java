package dev.timeledger.web.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the worker and the manager do on their pages in the browser tests, and the
 * elements they use: the selectors and the steps in one place, so that a test reads as
 * the story it checks.
 */
final class PageSteps {

	static final By STATUS = By.id("live-state");

	static final By BADGE = By.cssSelector(".status-line .badge");

	static final By ALERT = By.cssSelector("main .alert");

	static final By REASON = By.xpath("//label[.='Comment or reason']/following-sibling::textarea");

	static final By NOTE = By.xpath("//label[.='Add a note']/following-sibling::textarea");

	private static final String ENTRY_FORM = "//form[contains(@class,'entry-form')]";

	private static final By ENTRY_FROM = By.xpath(ENTRY_FORM + "//label[.='From']/following-sibling::input");

	private static final By ENTRY_TO = By.xpath(ENTRY_FORM + "//label[.='To']/following-sibling::input");

	private PageSteps() {
	}

	static void signIn(Page page, String person, boolean loadDemo) {
		page.open("/");
		page.awaitText(By.tagName("h1"), "Sign in");
		if (loadDemo) {
			page.click(Page.button("Load the demo data"));
			page.awaitText(By.cssSelector(".sign-in"), "The demo data is loaded");
		}
		page.click(Page.button(person));
		page.awaitText(STATUS, "Connected");
	}

	/**
	 * The worker runs the timer, adds, corrects and deletes entries; the manager's team
	 * week follows each change. A refused write reads as a sentence.
	 */
	static void trackTime(Page worker, Page manager, Slots slots, By teamToday, By myToday) {
		runTimer(worker);
		addEntry(worker, slots.first());
		worker.awaitText(myToday, "1:00");
		manager.awaitText(teamToday, "1:00");

		addEntry(worker, slots.first());
		String refusal = worker.awaitText(ALERT, "overlaps");
		assertThat(refusal).startsWith("The time overlaps").endsWith(".").doesNotContain("{", "\"code\"");

		worker.click(By.cssSelector(
				"button[aria-label='Edit the entry of " + slots.first()[0] + "\u2013" + slots.first()[1] + "']"));
		worker.setValue(ENTRY_TO, slots.corrected());
		worker.click(Page.button("Save changes"));
		worker.awaitText(myToday, "1:15");
		manager.awaitText(teamToday, "1:15");

		addEntry(worker, slots.extra());
		worker.awaitText(myToday, "1:30");
		worker.click(By.cssSelector(
				"button[aria-label='Delete the entry of " + slots.extra()[0] + "\u2013" + slots.extra()[1] + "']"));
		worker.confirm();
		worker.awaitText(myToday, "1:15");
		manager.awaitText(teamToday, "1:15");
	}

	/**
	 * The worker's browser drops off the network while the manager rejects the submitted
	 * week with a reason; back online, the page resumes with {@code since} and shows the
	 * rejection without a refetch of its own.
	 */
	static void rejectWhileOffline(Page worker, Page manager) {
		worker.click(Page.button("Submit week"));
		worker.awaitText(BADGE, "Submitted");
		manager.awaitText(By.cssSelector("tr[data-user='demo-worker'] .badge"), "Submitted");
		manager.click(Page.link("demo-worker"));
		manager.awaitText(By.tagName("h1"), "Week of demo-worker");

		worker.network(false);
		try {
			worker.awaitText(STATUS, "Offline");
			manager.click(Page.button("Reject"));
			manager.awaitText(ALERT, "Write a reason before you reject.");
			manager.type(REASON, "Split the review meeting from the build time");
			manager.click(Page.button("Reject"));
			manager.awaitText(BADGE, "Rejected");
			assertThat(worker.text(BADGE)).as("the offline page").isEqualTo("Submitted");
		}
		finally {
			worker.network(true);
		}
		worker.awaitText(STATUS, "Connected");
		worker.awaitText(BADGE, "Rejected");
		worker.awaitText(By.cssSelector(".timeline"), "Rejected by demo-manager");
		worker.awaitText(By.cssSelector(".timeline"), "Split the review meeting from the build time");
		worker.awaitText(By.id("notices"), "was rejected");
	}

	/**
	 * The worker submits again; the manager's note and approval reach the worker's page.
	 */
	static Instant noteAndApprove(Page worker, Page manager) {
		worker.click(Page.button("Submit week"));
		manager.awaitText(BADGE, "Submitted");
		manager.type(NOTE, "Thanks for splitting it");
		manager.click(Page.button("Add note"));
		worker.awaitText(By.cssSelector(".timeline"), "Thanks for splitting it");
		worker.awaitText(By.id("notices"), "has a new note");
		manager.click(Page.button("Approve"));
		manager.awaitText(BADGE, "Approved");
		worker.awaitText(BADGE, "Approved");
		worker.awaitText(By.cssSelector(".timeline"), "Approved by demo-manager");
		worker.awaitText(By.id("notices"), "was approved");
		return Instant.now();
	}

	/**
	 * Started with the mouse, stopped with the keyboard: the focus moves to the Stop
	 * button.
	 */
	private static void runTimer(Page worker) {
		worker.select(By.xpath("//section[contains(@class,'timer')]//select"), "Apollo");
		worker.click(Page.button("Start timer"));
		String started = worker.text(By.cssSelector(".elapsed"));
		worker.await("the timer to tick",
				(driver) -> !driver.findElement(By.cssSelector(".elapsed")).getText().equals(started));
		worker.awaitText(By.cssSelector(":focus"), "Stop timer");
		worker.pressOnFocused(Keys.ENTER);
		worker.awaitText(By.cssSelector(".timer form"), "Start timer");
	}

	static void addEntry(Page worker, String[] fromTo) {
		worker.setValue(ENTRY_FROM, fromTo[0]);
		worker.setValue(ENTRY_TO, fromTo[1]);
		worker.select(By.xpath(ENTRY_FORM + "//label[.='Project']/following-sibling::select"), "Apollo");
		worker.click(Page.button("Add entry"));
	}

	/** A problem+json answer (404) reads as a sentence, never as JSON. */
	static void unknownProject(Page manager) {
		manager.script("location.hash = '#/projects/no-such-project'");
		String error = manager.awaitText(ALERT, "no-such-project");
		assertThat(error).matches("[A-Z].*\\.").doesNotContain("{", "\"status\"");
	}

	/**
	 * The server stops under the open pages, which show that they reconnect, and starts
	 * again on the same address and data.
	 */
	static void restartServer(RestartableServer server, Page worker, Page manager) {
		server.stop();
		worker.awaitText(STATUS, "Reconnecting");
		manager.awaitText(STATUS, "Reconnecting");
		server.start();
	}

	/**
	 * The manager reads a project's report and downloads it as CSV.
	 * @param downloaded the downloaded file whose name ends so, null while there is none
	 */
	static void projectReport(Page manager, Function<String, Path> downloaded) throws IOException {
		manager.click(Page.link("Projects"));
		manager.click(Page.link("Apollo"));
		manager.awaitText(By.tagName("h1"), "Project Apollo");
		manager.awaitText(By.cssSelector(".summary"), "in total");
		manager.awaitText(By.cssSelector(".report-part"), "demo-worker");
		manager.screenshot("project-report");
		assertAccessible(manager);
		manager.click(Page.button("Download CSV"));
		Path csv = manager.await("the CSV download", (driver) -> downloaded.apply(".csv"));
		assertThat(Files.readAllLines(csv).get(0))
			.isEqualTo("week,userId,task,seconds,billableSeconds,amount,currency");
	}

	/** The week through time: with the slider's keys, then at a typed instant. */
	static void history(Page manager, String week, String weekTotal, Instant approvedAt) {
		manager.script("location.hash = arguments[0]", "#/users/demo-worker/" + week);
		manager.click(Page.link("History of this week"));
		manager.awaitText(By.cssSelector("table.history"), "TimesheetReopened");
		By slider = By.cssSelector("input[type=range]");
		manager.click(slider);
		manager.type(slider, Keys.HOME.toString());
		manager.awaitText(By.cssSelector(".as-of .badge"), "Open");
		manager.awaitText(By.tagName("output"), "Event 1 of");
		manager.type(slider, Keys.END.toString());
		manager.awaitText(By.cssSelector(".as-of .badge"), "Reopened");
		manager.awaitText(By.cssSelector(".as-of"), weekTotal + " in");
		manager.screenshot("history", 1600);
		assertAccessible(manager);

		// The next whole second after the approval, before the reopening after the
		// restart.
		String instant = LocalDateTime
			.ofInstant(approvedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), ZoneOffset.UTC)
			.toString();
		manager.setValue(By.xpath("//label[.='Or at this instant']/following-sibling::input"), instant);
		manager.click(By.xpath("//form[.//label[.='Or at this instant']]//button"));
		manager.awaitText(By.cssSelector(".as-of .badge"), "Approved");
		assertThat(manager.text(By.cssSelector(".as-of .timeline"))).contains("Approved by demo-manager")
			.doesNotContain("Reopened");
	}

	static void assertAccessible(Page page) {
		assertThat(Accessibility.unlabelledControls(page)).as("form controls without a label").isEmpty();
		assertThat(Accessibility.lowContrastTexts(page)).as("texts below WCAG AA contrast").isEmpty();
	}

	/**
	 * At a phone's width the page needs no sideways scrolling: wide tables scroll inside.
	 */
	static void phoneWidth(Page page) {
		page.driver.manage().window().setSize(new Dimension(390, 844));
		try {
			assertThat(page.script("return document.documentElement.scrollWidth <= window.innerWidth"))
				.as("page fits a phone's width")
				.isEqualTo(true);
			page.screenshot("worker-week-phone");
		}
		finally {
			page.driver.manage().window().setSize(new Dimension(1280, 1000));
		}
	}

}
