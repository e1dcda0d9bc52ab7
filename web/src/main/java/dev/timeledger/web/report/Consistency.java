package dev.timeledger.web.report;

import java.time.Duration;

import dev.timeledger.query.projection.ProjectionProgress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code ?consistentWith=<position>}: a read waits until its projection includes the
 * position, at most the configured time, then answers 503 with Retry-After.
 */
@Component
public class Consistency {

	private final ProjectionProgress progress;

	private final Duration timeout;

	Consistency(ProjectionProgress progress, @Value("${timeledger.reads.consistency-timeout:5s}") Duration timeout) {
		this.progress = progress;
		this.timeout = timeout;
	}

	public void await(String projection, Long consistentWith) {
		if (consistentWith == null || consistentWith <= 0) {
			return;
		}
		try {
			if (this.progress.await(projection, consistentWith, this.timeout)) {
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new ProjectionBehind("projection " + projection, consistentWith, this.timeout);
	}

	/**
	 * For reads that every committed write is in at once: the projections updated in the
	 * command's own transaction, and the event store itself. Such a read waits only for a
	 * position that is not stored yet.
	 * @return the position the read is complete up to: the newest stored event, read
	 * before the read itself
	 */
	public long current(Long consistentWith) {
		long wanted = (consistentWith != null) ? consistentWith : 0;
		try {
			long head = this.progress.awaitHead(wanted, this.timeout);
			if (head >= 0) {
				return head;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new ProjectionBehind("event store", wanted, this.timeout);
	}

}
