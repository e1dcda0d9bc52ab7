package dev.timeledger.query.projection;

import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.events.EventCatalog;
import dev.timeledger.events.EventMetadata;
import dev.timeledger.query.changelog.Change;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projection's handler needs for one version: the writer of the batch it is
 * handling.
 */
public final class ProjectionContext {

	private final String processorName;

	private final int version;

	private final DataSource dataSource;

	private final String projection;

	private final ObjectMapper json;

	private volatile boolean live;

	ProjectionContext(String projection, String processorName, int version, DataSource dataSource, ObjectMapper json) {
		this.projection = projection;
		this.processorName = processorName;
		this.version = version;
		this.dataSource = dataSource;
		this.json = json;
	}

	/** Whether this version is the one reads use; only its changes reach subscribers. */
	public boolean live() {
		return this.live;
	}

	void live(boolean live) {
		this.live = live;
	}

	/**
	 * Records that the key behind a destination changed, for live subscribers. Only the
	 * live version records: a rebuild's changes reach subscribers as one reset when it
	 * goes live.
	 * @param destination the destination, see
	 * {@link dev.timeledger.query.changelog.Destinations}
	 * @param key the projection key
	 * @param message the event message that caused the change
	 */
	public void changed(String destination, Map<String, Object> key, EventMessage<?> message) {
		if (this.live) {
			long position = ((TrackedEventMessage<?>) message).trackingToken().position().orElseThrow();
			String cause = EventCatalog.byClass(message.getPayloadType())
				.map(EventCatalog.EventType::name)
				.orElse(message.getPayloadType().getSimpleName());
			Object correlationId = message.getMetaData().get(EventMetadata.CORRELATION_ID);
			writer().change(new Change(this.projection, destination, position, Change.INVALIDATE, key, cause,
					message.getTimestamp(), (correlationId != null) ? correlationId.toString() : null));
		}
	}

	public int version() {
		return this.version;
	}

	String projection() {
		return this.projection;
	}

	String processorName() {
		return this.processorName;
	}

	/**
	 * The writer of the batch being handled. Its changes are written, in as few
	 * statements as possible, when the batch commits, in the transaction that also stores
	 * the token.
	 */
	public ProjectionWriter writer() {
		UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
		return unitOfWork.getOrComputeResource("projection-writer:" + this.processorName, (key) -> {
			ProjectionWriter writer = new ProjectionWriter(this.projection, this.version, this.dataSource, this.json);
			unitOfWork.onPrepareCommit((committing) -> writer.flush());
			return writer;
		});
	}

}
