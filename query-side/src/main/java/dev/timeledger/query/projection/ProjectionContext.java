package dev.timeledger.query.projection;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
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

	private final ObjectMapper json;

	ProjectionContext(String processorName, int version, DataSource dataSource, ObjectMapper json) {
		this.processorName = processorName;
		this.version = version;
		this.dataSource = dataSource;
		this.json = json;
	}

	public int version() {
		return this.version;
	}

	/**
	 * The writer of the batch being handled. Its changes are written, in as few
	 * statements as possible, when the batch commits, in the transaction that also stores
	 * the token.
	 */
	public ProjectionWriter writer() {
		UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
		return unitOfWork.getOrComputeResource("projection-writer:" + this.processorName, (key) -> {
			ProjectionWriter writer = new ProjectionWriter(this.version, this.dataSource, this.json);
			unitOfWork.onPrepareCommit((committing) -> writer.flush());
			return writer;
		});
	}

}
