package dev.timeledger.web.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Makes every command answer with the position of the last event it stored: the handler's
 * result travels in a {@link PositionedResult} whose position is filled in at append
 * time.
 */
final class PositionRecordingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

	@Override
	public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
			throws Exception {
		AppendedPosition appended = AppendedPosition.attachTo(unitOfWork);
		return new PositionedResult(interceptorChain.proceed(), appended);
	}

}
