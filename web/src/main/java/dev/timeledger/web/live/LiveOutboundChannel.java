package dev.timeledger.web.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.OrderedMessageChannelDecorator;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;

/**
 * The channel that the application's own frames (invalidations, resets and its ERROR
 * frames) go out on, with threads of its own. The broker writes its heart-beats to every
 * connection on Spring's client outbound channel in one burst per interval: with 10,000
 * connections a message queued behind such a burst waited a few hundred milliseconds.
 */
@Component
class LiveOutboundChannel extends ExecutorSubscribableChannel implements DisposableBean {

	LiveOutboundChannel(@Qualifier("subProtocolWebSocketHandler") WebSocketHandler stompHandler) {
		super(threads());
		subscribe((MessageHandler) stompHandler);
		// lets LiveSender's per-session ordering release a session's next frame
		OrderedMessageChannelDecorator.configureInterceptor(this, true);
	}

	@Override
	public void destroy() {
		((ExecutorService) getExecutor()).shutdownNow();
	}

	private static ExecutorService threads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("live-outbound-");
		threads.setDaemon(true);
		return Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors(), threads);
	}

}
