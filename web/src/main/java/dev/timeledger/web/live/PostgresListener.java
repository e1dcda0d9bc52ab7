package dev.timeledger.web.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.timeledger.query.projection.EventArrivals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens to PostgreSQL notifications on one connection: {@code timeledger_events} when
 * an append commits on any node, {@code timeledger_changes} when a projection commits
 * changes. This is how a node learns at once what another node wrote; it reconnects after
 * a database restart.
 */
@Component
class PostgresListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PostgresListener.class);

	private final DataSource dataSource;

	private final EventArrivals arrivals;

	private final ChangeFanOut fanOut;

	private volatile boolean running;

	private Thread thread;

	PostgresListener(DataSource dataSource, EventArrivals arrivals, ChangeFanOut fanOut) {
		this.dataSource = dataSource;
		this.arrivals = arrivals;
		this.fanOut = fanOut;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::listen, "postgres-listener");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.thread.interrupt();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN timeledger_events");
					statement.execute("LISTEN timeledger_changes");
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				// what was committed before LISTEN took effect
				this.arrivals.signal();
				this.fanOut.wake();
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					dispatch(notifications);
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					logger.warn("Lost the notification connection ({}); reconnecting", ex.getMessage());
					pause();
				}
			}
		}
	}

	private void dispatch(PGNotification[] notifications) {
		if (notifications == null) {
			return;
		}
		boolean events = false;
		boolean unknownPosition = false;
		long head = -1;
		for (PGNotification notification : notifications) {
			if ("timeledger_events".equals(notification.getName())) {
				events = true;
				try {
					head = Math.max(head, Long.parseLong(notification.getParameter()));
				}
				catch (NumberFormatException ex) {
					// a node of an earlier version announces no position
					unknownPosition = true;
				}
			}
			else if ("timeledger_changes".equals(notification.getName())) {
				this.fanOut.wake(notification.getParameter());
			}
		}
		if (unknownPosition) {
			this.arrivals.signal();
		}
		else if (events) {
			this.arrivals.signal(head);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
