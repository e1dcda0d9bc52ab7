package dev.timeledger.web.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.timeledger.query.changelog.ChangeLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change-log tailer reads only the projections announced beyond what it has read, and
 * every projection when it cannot tell which.
 */
class AnnouncementsTests {

	private final Announcements announcements = new Announcements();

	private final Map<String, ChangeLog.Cursor> cursors = new LinkedHashMap<>(
			Map.of("weekly-report", at(10), "team-weekly-report", at(10), "project-report", at(10)));

	@Test
	void readsOnlyTheProjectionsAnnouncedBeyondTheirCursor() throws InterruptedException {
		this.announcements.heard("team-weekly-report:12");
		this.announcements.heard("project-report:9");

		assertThat(this.announcements.await(this.cursors, 5_000)).containsExactly("team-weekly-report");
	}

	@Test
	void anAnnouncementThatWasReadAlreadyReadsNothing() throws InterruptedException {
		this.announcements.announce("weekly-report", 12);
		this.cursors.put("weekly-report", at(12));

		assertThat(this.announcements.await(this.cursors, 5_000)).isEmpty();
	}

	@Test
	void aWakeUpWithoutANameReadsEveryProjection() throws InterruptedException {
		this.announcements.announce("weekly-report", 12);
		this.announcements.all();

		assertThat(this.announcements.await(this.cursors, 5_000))
			.containsExactlyInAnyOrderElementsOf(this.cursors.keySet());
	}

	@Test
	void aNotificationWithoutAPositionReadsEveryProjection() throws InterruptedException {
		// from a node of an earlier version
		this.announcements.heard("weekly-report");

		assertThat(this.announcements.await(this.cursors, 5_000))
			.containsExactlyInAnyOrderElementsOf(this.cursors.keySet());
	}

	@Test
	void noWakeUpWithinTheTimeoutReadsEveryProjection() throws InterruptedException {
		assertThat(this.announcements.await(this.cursors, 10))
			.containsExactlyInAnyOrderElementsOf(this.cursors.keySet());
	}

	@Test
	void everyProjectionIsReadOnceATimeoutHasPassed_howeverOftenOneIsAnnounced() throws InterruptedException {
		Thread.sleep(50);
		this.announcements.announce("project-report", 11);
		assertThat(this.announcements.await(this.cursors, 10)).as("a timeout since the last read of all").hasSize(3);

		this.announcements.announce("project-report", 12);
		assertThat(this.announcements.await(this.cursors, 5_000)).as("just read all").containsExactly("project-report");
	}

	@Test
	void aWaitingTailerIsWokenByAnAnnouncementAndEachWakeUpIsTakenOnce() throws Exception {
		CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
			try {
				return this.announcements.await(this.cursors, 60_000);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		this.announcements.announce("project-report", 11);

		assertThat(read.get(30, TimeUnit.SECONDS)).containsExactly("project-report");
		this.cursors.put("project-report", at(11));
		// the wake-up was taken: the next wait times out and reads everything
		assertThat(this.announcements.await(this.cursors, 10)).hasSize(3);
	}

	/** After an invalidation at the position. */
	private static ChangeLog.Cursor at(long position) {
		return new ChangeLog.Cursor(position, "invalidate", "/topic/x");
	}

}
