package dev.timeledger.web.live;

import dev.timeledger.web.TimeLedgerProperties;

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

				@Override
				public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
					LiveConfiguration.this.connectDeadline.closed(session.getId());
					LiveConfiguration.this.sessions.closed(session.getId());
					super.afterConnectionClosed(session, closeStatus);
				}
			});
	}

	/**
	 * Lets frames up to the STOMP limit reach STOMP, which answers larger ones with
	 * ERROR.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(TimeLedgerProperties properties) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		int limit = (int) properties.live().messageSizeLimit().toBytes();
		container.setMaxTextMessageBufferSize(2 * limit);
		container.setMaxBinaryMessageBufferSize(2 * limit);
		return container;
	}

}
