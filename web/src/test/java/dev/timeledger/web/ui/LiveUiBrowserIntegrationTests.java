package dev.timeledger.web.ui;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.timeledger.events.IsoWeek;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import static dev.timeledger.web.ui.PageSteps.ALERT;
import static dev.timeledger.web.ui.PageSteps.BADGE;
import static dev.timeledger.web.ui.PageSteps.NOTE;
import static dev.timeledger.web.ui.PageSteps.REASON;
import static dev.timeledger.web.ui.PageSteps.STATUS;
import static dev.timeledger.web.ui.PageSteps.addEntry;
import static dev.timeledger.web.ui.PageSteps.assertAccessible;
import static dev.timeledger.web.ui.PageSteps.history;
import static dev.timeledger.web.ui.PageSteps.noteAndApprove;
import static dev.timeledger.web.ui.PageSteps.phoneWidth;
import static dev.timeledger.web.ui.PageSteps.projectReport;
import static dev.timeledger.web.ui.PageSteps.rejectWhileOffline;
import static dev.timeledger.web.ui.PageSteps.restartServer;
import static dev.timeledger.web.ui.PageSteps.signIn;
import static dev.timeledger.web.ui.PageSteps.trackTime;
import static dev.timeledger.web.ui.PageSteps.unknownProject;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting page in two real browsers against the whole server: a worker and a
 * manager see each other's changes without reloading, through a network drop and a server
 * restart. Every wait is bounded; the browsers and the server are stopped whatever
 * happens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LiveUiBrowserIntegrationTests {

	private static final String TOKEN_LIFETIME = "15s";

	private static final BrowserSession BROWSERS = new BrowserSession();

	@RegisterExtension
	static final FailureEvidence EVIDENCE_OF_A_FAILURE = BROWSERS.evidenceOfAFailure();

	private final String week = IsoWeek.containing(Instant.now(), ZoneOffset.UTC).toString();

	private final String today = LocalDate.now(ZoneOffset.UTC).toString();

	@BeforeAll
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	static void startServerAndBrowsers() throws IOException {
		// Tokens expire during the test: the page must renew them, for REST and for the
		// WebSocket that the server closes with token-expired.
		BROWSERS.start("browser", "--timeledger.security.local-token-ttl=" + TOKEN_LIFETIME);
	}

	@AfterAll
	static void stopBrowsersAndServer() {
		BROWSERS.close();
	}

	@Test
	@Order(1)
	void aBurstOfRefreshRequests_causesOneFetchInFlightAndOneQueued() {
		Page page = BROWSERS.worker();
		page.open("/");
		Object loads = ((ChromeDriver) page.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/js/refresher.js').then(async ({ Refresher }) => {
				  const loads = [];
				  const refresher = new Refresher(async (position) => {
				    loads.push(position);
				    await new Promise((resolve) => setTimeout(resolve, 100));
				  });
				  for (let position = 1; position <= 20; position++) {
				    refresher.request(position);
				  }
				  await refresher.request(7);
				  done(loads);
				});
				""");
		assertThat(loads).as("positions fetched").isEqualTo(List.of(1L, 20L));
	}

	/**
	 * A view left and opened again while its subscription lingers, across a reconnect:
	 * the subscription the view makes again keeps its messages after the old one's linger
	 * ends.
	 */
	@Test
	@Order(2)
	void aViewOpenedAgainAfterAReconnect_keepsItsLiveUpdates() {
		Page page = BROWSERS.worker();
		page.open("/");
		page.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		Object received;
		try {
			received = ((ChromeDriver) page.driver).executeAsyncScript("""
					const [week, done] = arguments;
					const user = 'linger-worker';
					const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
					const until = async (condition) => {
					  for (let waited = 0; !condition() && waited < 5000; waited += 20) {
					    await pause(20);
					  }
					};
					(async () => {
					  const { Live } = await import('/js/live.js');
					  const { token } = await fetch('/api/dev/tokens', { method: 'POST',
					    headers: { 'Content-Type': 'application/json' },
					    body: JSON.stringify({ user, tenant: 'other', roles: ['worker'] }) }).then((r) => r.json());
					  const live = new Live({ url: `ws://${location.host}/ws`, token: async () => token,
					    renew: async () => {} });
					  const destination = `tenants/other/timesheets/${user}/${week}`;
					  const received = [];
					  const left = live.watch(destination, () => {});
					  await until(() => live.state === 'connected');
					  left.close();
					  window.dispatchEvent(new Event('offline'));
					  window.dispatchEvent(new Event('online'));
					  await until(() => live.state === 'connected');
					  live.watch(destination, (message) => received.push(message.type));
					  await pause(3500);
					  await fetch(`/api/timesheets/${user}/${week}/annotations`, { method: 'POST',
					    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
					    body: JSON.stringify({ text: 'Still watched' }) });
					  await until(() => received.length > 0);
					  live.stop();
					  return received;
					})().then(done, (error) => done(String(error)));
					""", this.week);
		}
		finally {
			page.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
		}
		assertThat(received).as("messages to the view opened again").isEqualTo(List.of("invalidate"));
	}

	@Test
	@Order(3)
	void workerAndManager_seeEachOthersChangesLive_andRecoverFromADropAndARestart() throws Exception {
		Page worker = BROWSERS.worker();
		Page manager = BROWSERS.manager();
		Slots slots = Slots.freeToday();
		signIn(worker, "Walt Worker", true);
		worker.awaitText(By.tagName("h1"), "My week");
		Object firstToken = worker.script("return sessionStorage.getItem('timeledger.session')");
		signIn(manager, "Mia Manager", false);
		manager.awaitText(By.tagName("h1"), "Team week");
		By teamToday = By.cssSelector("tr[data-user='demo-worker'] td[data-date='" + this.today + "']");
		By myToday = By.cssSelector("table.days td[data-date='" + this.today + "']");
		assertThat(manager.text(teamToday)).isEqualTo("0:00");

		trackTime(worker, manager, slots, teamToday, myToday);
		rejectWhileOffline(worker, manager);
		Instant approvedAt = noteAndApprove(worker, manager);
		worker.screenshot("worker-week");
		assertAccessible(worker);
		phoneWidth(worker);
		manager.click(Page.link("Team"));
		manager.awaitText(By.cssSelector("tr[data-user='demo-worker'] .badge"), "Approved");
		manager.screenshot("team-week");
		assertAccessible(manager);

		worker.script("window.stillTheSamePage = 'yes'");
		manager.script("window.stillTheSamePage = 'yes'");
		restartServer(BROWSERS.server(), worker, manager);

		manager.click(Page.link("demo-worker"));
		manager.awaitText(STATUS, "Connected");
		manager.type(REASON, "Add the review meeting");
		manager.click(Page.button("Reopen"));
		manager.awaitText(BADGE, "Reopened");
		worker.awaitText(BADGE, "Reopened");
		worker.awaitText(STATUS, "Connected");
		addEntry(worker, slots.last());
		worker.awaitText(myToday, "1:45");
		manager.awaitText(myToday, "1:45");
		String weekTotal = manager.text(By.cssSelector("table.days td.total"));
		assertThat(worker.script("return window.stillTheSamePage")).as("worker page not reloaded").isEqualTo("yes");
		assertThat(worker.script("return sessionStorage.getItem('timeledger.session')")).as("renewed token")
			.isNotEqualTo(firstToken);
		assertThat(manager.script("return window.stillTheSamePage")).as("manager page not reloaded").isEqualTo("yes");

		projectReport(manager, BROWSERS::downloaded);
		history(manager, this.week, weekTotal, approvedAt);
		worker.type(NOTE, "Review meeting added");
		worker.click(Page.button("Add note"));
		manager.awaitText(By.cssSelector("table.history"), "Review meeting added");
		assertThat(worker.text(STATUS)).isEqualTo("Connected");
		unknownProject(manager);
	}

	/**
	 * The way in with an identity provider's token, tried here with a local one: the page
	 * takes a pasted bearer token and refuses what is not one in a sentence.
	 */
	@Test
	@Order(4)
	void aPastedBearerToken_signsIn_andTextThatIsNoTokenIsRefusedInASentence() throws Exception {
		Page page = BROWSERS.worker();
		page.open("/");
		page.await("the page to show a view", (driver) -> !driver.findElement(By.tagName("h1")).getText().isEmpty());
		if (page.script("return document.getElementById('top').hidden").equals(false)) {
			page.click(Page.button("Sign out"));
		}
		page.awaitText(By.tagName("h1"), "Sign in");
		By token = By.xpath("//label[.='Bearer token']/following-sibling::textarea");
		page.type(token, "my password");
		page.click(By.xpath("//form[.//label[.='Bearer token']]//button"));
		assertThat(page.awaitText(ALERT, "not a bearer token")).startsWith("That is not a bearer token");

		page.await("the token field", (driver) -> driver.findElement(token)).clear();
		page.type(token, "Bearer " + BROWSERS.localToken("demo-designer", "Dana Designer"));
		page.click(By.xpath("//form[.//label[.='Bearer token']]//button"));
		page.awaitText(By.tagName("h1"), "My week");
		page.awaitText(By.id("who"), "Dana Designer");
		page.awaitText(STATUS, "Connected");
	}

}
