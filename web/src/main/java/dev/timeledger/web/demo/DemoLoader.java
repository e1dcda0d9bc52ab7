package dev.timeledger.web.demo;

import java.time.Clock;
import java.util.List;

import dev.timeledger.command.project.CreateProject;
import dev.timeledger.command.worklog.RecordTimeEntry;
import dev.timeledger.web.eventstore.PositionedResult;
import dev.timeledger.web.security.ConditionalOnLocalMode;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data set through the command gateway, as the controllers do: the demo is
 * made of real events, checked by the same rules. Loads once: a tenant that has events
 * already is left alone.
 */
@Component
@ConditionalOnLocalMode
class DemoLoader {

	private final CommandGateway commands;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoLoader(CommandGateway commands, JdbcClient jdbc, Clock clock) {
		this.commands = commands;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean loaded() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE tenant_id = ?)")
			.param(DemoUsers.TENANT)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Loads the data set. Synchronized so that two clicks on one node cannot both pass
	 * the check; the demo is a local-mode convenience, not a multi-node feature.
	 * @throws DemoAlreadyLoaded when the demo tenant has events already
	 */
	synchronized Loaded load() {
		if (loaded()) {
			throw new DemoAlreadyLoaded(DemoUsers.TENANT);
		}
		List<Object> plan = DemoPlan.commands(this.clock.instant());
		long position = 0;
		for (Object command : plan) {
			PositionedResult result = this.commands.sendAndWait(command);
			position = Math.max(position, result.appended().get());
		}
		return new Loaded(DemoUsers.TENANT, count(plan, CreateProject.class), count(plan, RecordTimeEntry.class),
				position);
	}

	private static int count(List<Object> plan, Class<?> type) {
		return (int) plan.stream().filter(type::isInstance).count();
	}

	/**
	 * What a load stored.
	 *
	 * @param tenant the demo tenant
	 * @param projects the projects created
	 * @param entries the entries recorded
	 * @param position the position of the last event stored
	 */
	record Loaded(String tenant, int projects, int entries, long position) {
	}

}
