package dev.timeledger.web.live;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * What {@code @EnableWebSocketMessageBroker} configures, with one change: a connection
 * closed for a protocol error first lets its queued frames go out. Spring closes it at
 * once, so an {@code ERROR} frame queued behind a frame another thread was still writing
 * (the {@code CONNECTED} just before a refused {@code SUBSCRIBE}) was dropped in about
 * one refusal in thirty, and the client never learned why it was closed.
 */
@Configuration(proxyBeanMethods = false)
class LiveBrokerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

	/**
	 * Far longer than writing one small frame; bounded for a client that does not read.
	 */
	private static final Duration DRAIN_LIMIT = Duration.ofSeconds(1);

	@Override
	@Bean
	public WebSocketHandler subProtocolWebSocketHandler(AbstractSubscribableChannel clientInboundChannel,
			AbstractSubscribableChannel clientOutboundChannel) {
		SubProtocolWebSocketHandler handler = new SubProtocolWebSocketHandler(clientInboundChannel,
				clientOutboundChannel) {
			@Override
			protected WebSocketSession decorateSession(WebSocketSession session) {
				return new DrainingSession(session, getSendTimeLimit(), getSendBufferSizeLimit());
			}
		};
		handler.setPhase(getPhase());
		return handler;
	}

	/**
	 * A session whose protocol-error close waits until what is queued has been sent, and
	 * whose transport buffer stays as small as configured.
	 */
	private static final class DrainingSession extends ConcurrentWebSocketSessionDecorator {

		DrainingSession(WebSocketSession delegate, int sendTimeLimit, int bufferSizeLimit) {
			super(delegate, sendTimeLimit, bufferSizeLimit);
		}

		/**
		 * Ignored: STOMP raises every connection's text buffer to its 16 KB minimum frame
		 * size (32 KB of heap per connection), which frames put together from parts meet
		 * without it.
		 */
		@Override
		public void setTextMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public void close(CloseStatus status) throws IOException {
			if (CloseStatus.PROTOCOL_ERROR.equals(status)) {
				long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
				while ((getBufferSize() > 0 || getTimeSinceSendStarted() > 0) && isOpen()
						&& System.nanoTime() < deadline) {
					try {
						Thread.sleep(1);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						break;
					}
				}
			}
			super.close(status);
		}

	}

}
