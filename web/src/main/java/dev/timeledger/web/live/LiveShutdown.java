package dev.timeledger.web.live;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.Lifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;

/**
 * Closes every STOMP connection with 1001 (going away) when the server stops, before the
 * web server's graceful shutdown. The STOMP handler's own lifecycle phase comes after the
 * web server's, so without this the web server stopped first and clients saw their
 * connections drop without a close frame (1006). Clients then resume with {@code since},
 * on another node or after the restart.
 */
@Component
class LiveShutdown implements SmartLifecycle {

	private final Lifecycle stompHandler;

	private volatile boolean running;

	LiveShutdown(@Qualifier("subProtocolWebSocketHandler") WebSocketHandler stompHandler) {
		this.stompHandler = (Lifecycle) stompHandler;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.stompHandler.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops just before the web server's graceful shutdown, which has the next lower
	 * phase.
	 */
	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
	}

}
