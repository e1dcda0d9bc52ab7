package dev.timeledger.query.projection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a projection's live version together with the position it is complete up to, from
 * one database snapshot: the answer holds at least everything up to that position, and a
 * version switch is never seen halfway.
 */
@Component
public class ProjectionReader {

	private final TransactionTemplate snapshot;

	private final ProjectionCatalog catalog;

	private final ProjectionProgress progress;

	ProjectionReader(PlatformTransactionManager transactionManager, ProjectionCatalog catalog,
			ProjectionProgress progress) {
		this.snapshot = new TransactionTemplate(transactionManager);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.catalog = catalog;
		this.progress = progress;
	}

	public <T> T read(String projection, Read<T> read) {
		return this.snapshot.execute((status) -> {
			int version = this.catalog.liveVersion(projection);
			return read.apply(version, this.progress.position(projection, version));
		});
	}

	/**
	 * A read of one version of a projection.
	 *
	 * @param <T> what it answers
	 */
	@FunctionalInterface
	public interface Read<T> {

		T apply(int version, long position);

	}

}
