package dev.timeledger.web.live;

import dev.timeledger.web.TimeLedgerProperties;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP 1.2 over a plain WebSocket at {@code /ws}. The simple broker only answers
 * {@code CONNECT} and keeps heart-beats; subscriptions to {@code /topic/tenants/...} are
 * served by {@link LiveSubscriptions} from the change log. The broker itself is set up by
 * {@link LiveBrokerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration implements WebSocketMessageBrokerConfigurer {

	private static final String TOMCAT_WEBSOCKET_BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	private final TimeLedgerProperties.Live settings;

	private final StompGate gate;

	private final LiveSessions sessions;

	private final ConnectDeadline connectDeadline;

	private final ThreadPoolTaskScheduler liveScheduler;

	LiveConfiguration(TimeLedgerProperties properties, StompGate gate, LiveSessions sessions,
			ConnectDeadline connectDeadline, ThreadPoolTaskScheduler liveScheduler) {
		this.settings = properties.live();
		this.gate = gate;
		this.sessions = sessions;
		this.connectDeadline = connectDeadline;
		this.liveScheduler = liveScheduler;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws").setAllowedOriginPatterns(this.settings.allowedOrigins().toArray(String[]::new));
		registry.setErrorHandler(new CodedErrors());
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		long heartbeat = this.settings.heartbeat().toMillis();
		registry.setPreservePublishOrder(true);
		registry.enableSimpleBroker("/internal")
			.setHeartbeatValue(new long[] { heartbeat, heartbeat })
			.setTaskScheduler(this.liveScheduler);
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.gate);
	}

	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.interceptors(new SpreadHeartbeats(this.liveScheduler, this.settings.heartbeat()));
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit((int) this.settings.messageSizeLimit().toBytes())
			.setSendBufferSizeLimit((int) this.settings.sendBufferSize().toBytes())
			.setSendTimeLimit((int) this.settings.sendTimeLimit().toMillis())
			.addDecoratorFactory((handler) -> new WebSocketHandlerDecorator(handler) {
				@Override
				public void afterConnectionEstablished(WebSocketSession session) throws Exception {
					LiveConfiguration.this.connectDeadline.opened(session);
					super.afterConnectionEstablished(session);
				}

				/**
				 * Frames larger than the transport buffer arrive in parts: the STOMP
				 * decoder buffers a frame until it is whole.
				 */
				@Override
				public boolean supportsPartialMessages() {
					return true;
				}

				@Override
				public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
					LiveConfiguration.this.connectDeadline.closed(session.getId());
					LiveConfiguration.this.sessions.closed(session.getId());
					super.afterConnectionClosed(session, closeStatus);
				}
			});
	}

	/**
	 * Small per-connection message buffers (they are allocated for every connection up
	 * front): a larger frame arrives in parts, which the STOMP decoder puts together up
	 * to the STOMP limit, answering a larger one with ERROR.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(TimeLedgerProperties properties) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		int size = (int) properties.live().transportBufferSize().toBytes();
		container.setMaxTextMessageBufferSize(size);
		container.setMaxBinaryMessageBufferSize(size);
		return container;
	}

	/**
	 * The other buffers every connection holds while it is open. Tomcat's WebSocket read
	 * buffer, and the send buffers that split larger messages into fragments, take their
	 * size from a system property read once when its WebSocket classes load: it is set
	 * before the server starts, unless it is set already. The socket buffers (8 KB each
	 * by default) are connector settings.
	 */
	@Bean
	static WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionBuffers(
			TimeLedgerProperties properties) {
		return (factory) -> {
			if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER_SIZE) == null) {
				System.setProperty(TOMCAT_WEBSOCKET_BUFFER_SIZE,
						Long.toString(properties.live().transportBufferSize().toBytes()));
			}
			String socketBuffer = Long.toString(properties.live().socketBufferSize().toBytes());
			factory.addConnectorCustomizers((connector) -> {
				connector.setProperty("socket.appReadBufSize", socketBuffer);
				connector.setProperty("socket.appWriteBufSize", socketBuffer);
			});
		};
	}

}
