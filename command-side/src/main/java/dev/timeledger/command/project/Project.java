package dev.timeledger.command.project;

import java.time.Clock;
import java.util.Objects;

import dev.timeledger.command.Role;
import dev.timeledger.command.Texts;
import dev.timeledger.command.Times;
import dev.timeledger.events.project.ProjectArchived;
import dev.timeledger.events.project.ProjectBillabilityChanged;
import dev.timeledger.events.project.ProjectClientChanged;
import dev.timeledger.events.project.ProjectCreated;
import dev.timeledger.events.project.ProjectRateChanged;
import dev.timeledger.events.project.ProjectRenamed;
import dev.timeledger.events.project.ProjectRestored;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A project of a tenant that time is tracked on. Managers and admins manage it. */
@Aggregate(cache = "aggregateCache")
public class Project {

	static final int MAX_NAME = 200;

	@AggregateIdentifier
	private String projectId;

	private String tenantId;

	private String name;

	private String client;

	private boolean billable;

	private boolean archived;

	private HourlyRate rate;

	protected Project() {
	}

	@CommandHandler
	public Project(CreateProject command) {
		command.actor().requireAny(Role.MANAGER, Role.ADMIN);
		HourlyRate rate = HourlyRate.of(command.hourlyRate(), command.currency());
		apply(new ProjectCreated(command.actor().tenantId(), command.projectId(),
				Texts.required("name", command.name(), MAX_NAME), Texts.optional("client", command.client(), MAX_NAME),
				command.billable(), rate.amount(), rate.currency(), command.actor().userId()));
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(ChangeProject command, Clock clock) {
		if (this.projectId == null || !this.tenantId.equals(command.actor().tenantId())) {
			throw new ProjectNotFound(command.projectId());
		}
		command.actor().requireAny(Role.MANAGER, Role.ADMIN);
		String actorId = command.actor().userId();
		String newName = (command.name() != null) ? Texts.required("name", command.name(), MAX_NAME) : null;
		String newClient = Texts.optional("client", command.client(), MAX_NAME);
		if (command.rate() != null) {
			HourlyRate rate = HourlyRate.of(command.rate().amount(), command.rate().currency());
			Times.require("effectiveFrom", command.rate().effectiveFrom());
			if (!rate.sameAs(this.rate) || command.rate().effectiveFrom() != null) {
				apply(new ProjectRateChanged(this.tenantId, this.projectId, rate.amount(), rate.currency(),
						(command.rate().effectiveFrom() != null) ? command.rate().effectiveFrom() : clock.instant(),
						actorId));
			}
		}
		if (newName != null && !newName.equals(this.name)) {
			apply(new ProjectRenamed(this.tenantId, this.projectId, newName, actorId));
		}
		if (command.clientChanged() && !Objects.equals(newClient, this.client)) {
			apply(new ProjectClientChanged(this.tenantId, this.projectId, newClient, actorId));
		}
		if (command.billable() != null && command.billable() != this.billable) {
			apply(new ProjectBillabilityChanged(this.tenantId, this.projectId, command.billable(), actorId));
		}
		if (command.archived() != null && command.archived() != this.archived) {
			apply(command.archived() ? new ProjectArchived(this.tenantId, this.projectId, actorId)
					: new ProjectRestored(this.tenantId, this.projectId, actorId));
		}
	}

	@EventSourcingHandler
	void on(ProjectCreated event) {
		this.projectId = event.projectId();
		this.tenantId = event.tenantId();
		this.name = event.name();
		this.client = event.client();
		this.billable = event.billable();
		this.rate = new HourlyRate(event.hourlyRate(), event.currency());
	}

	@EventSourcingHandler
	void on(ProjectRateChanged event) {
		this.rate = new HourlyRate(event.hourlyRate(), event.currency());
	}

	@EventSourcingHandler
	void on(ProjectRenamed event) {
		this.name = event.name();
	}

	@EventSourcingHandler
	void on(ProjectClientChanged event) {
		this.client = event.client();
	}

	@EventSourcingHandler
	void on(ProjectBillabilityChanged event) {
		this.billable = event.billable();
	}

	@EventSourcingHandler
	void on(ProjectArchived event) {
		this.archived = true;
	}

	@EventSourcingHandler
	void on(ProjectRestored event) {
		this.archived = false;
	}

}
