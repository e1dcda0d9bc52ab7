package dev.timeledger.web.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.timeledger.query.projection.Projection;
import dev.timeledger.query.projection.ProjectionCatalog;
import dev.timeledger.query.projection.ProjectionProgress;
import dev.timeledger.query.projection.ProjectionRunner;
import dev.timeledger.query.projection.ProjectionState;

import org.springframework.stereotype.Component;

/**
 * How far each projection is behind the event store, read from the database at most once
 * a second however many gauges and probes ask. The figures are the cluster's, not the
 * node's: every node reads the same tokens.
 */
@Component
class ProjectionLag {

	private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

	private final ProjectionCatalog catalog;

	private final ProjectionProgress progress;

	private final Set<String> projections;

	private Map<String, Reading> readings;

	private long readAt;

	ProjectionLag(ProjectionCatalog catalog, ProjectionProgress progress, ProjectionRunner runner) {
		this.catalog = catalog;
		this.progress = progress;
		this.projections = runner.projections().stream().map(Projection::name).collect(Collectors.toSet());
	}

	/** The reading of every projection this node runs, by name. */
	synchronized Map<String, Reading> readings() {
		if (this.readings == null || System.nanoTime() - this.readAt > FRESH_NANOS) {
			this.readings = read();
			this.readAt = System.nanoTime();
		}
		return this.readings;
	}

	private Map<String, Reading> read() {
		long head = this.progress.head();
		Instant now = Instant.now();
		Map<String, Reading> read = new LinkedHashMap<>();
		for (ProjectionState state : this.catalog.all()) {
			if (!this.projections.contains(state.projection())) {
				continue;
			}
			long position = this.progress.position(state.projection(), state.liveVersion());
			Duration behind = (position >= head) ? Duration.ZERO
					: this.progress.firstEventAfter(position)
						.map((at) -> Duration.between(at, now))
						.filter((age) -> !age.isNegative())
						.orElse(Duration.ZERO);
			Long rebuilt = state.rebuilding() ? this.progress.position(state.projection(), state.rebuildingVersion())
					: null;
			read.put(state.projection(), new Reading(Math.max(0, head - position), behind, rebuilt, head));
		}
		return read;
	}

	/**
	 * Where one projection stands.
	 *
	 * @param events how many stored events its live version has not handled yet
	 * @param time the age of the oldest of them, zero when there is none
	 * @param rebuilt the position its rebuilding version has reached, null when it is not
	 * being rebuilt
	 * @param head the position of the newest stored event
	 */
	record Reading(long events, Duration time, Long rebuilt, long head) {

		double seconds() {
			return this.time.toMillis() / 1000.0;
		}

		/** The share of the events a rebuild has handled, NaN when none runs. */
		double rebuildPercent() {
			if (this.rebuilt == null) {
				return Double.NaN;
			}
			return (this.head == 0) ? 100.0 : Math.min(100.0, this.rebuilt * 100.0 / this.head);
		}

	}

}
