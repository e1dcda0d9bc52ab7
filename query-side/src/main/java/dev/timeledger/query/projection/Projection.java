package dev.timeledger.query.projection;

import java.util.List;

/**
 * A read model built from the events: its name, its tables and the event handler that
 * fills one version of them. The {@link ProjectionRunner} runs a processor per live or
 * rebuilding version.
 */
public interface Projection {

	/** The stable name, as in {@code /api/admin/projections/{name}/rebuild}. */
	String name();

	/** The tables the handler writes, all partitioned by version. */
	List<ProjectionTable> tables();

	/** A new handler (an object with {@code @EventHandler} methods) for one version. */
	Object handler(ProjectionContext context);

}
