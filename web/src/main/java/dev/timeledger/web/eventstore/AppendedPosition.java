package dev.timeledger.web.eventstore;

import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The global position of the last event a unit of work stored. A command's unit of work
 * carries one (see {@link PositionRecordingInterceptor}); the storage engine fills it in
 * when it stores the events, right before the command's transaction commits.
 */
public final class AppendedPosition {

	private static final String RESOURCE = AppendedPosition.class.getName();

	private final AtomicLong position = new AtomicLong(-1);

	/** The position, or -1 when the unit of work stored no event. */
	public long get() {
		return this.position.get();
	}

	static AppendedPosition attachTo(UnitOfWork<?> unitOfWork) {
		AppendedPosition appended = new AppendedPosition();
		unitOfWork.resources().put(RESOURCE, appended);
		return appended;
	}

	/** The current unit of work's position holder, or null outside a command. */
	static AppendedPosition ofCurrentUnitOfWork() {
		return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(RESOURCE) : null;
	}

	void record(long appended) {
		this.position.accumulateAndGet(appended, Math::max);
	}

}
