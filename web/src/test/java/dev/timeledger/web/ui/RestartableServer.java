package dev.timeledger.web.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import dev.timeledger.web.TimeLedgerApplication;
import dev.timeledger.web.embeddedpostgres.EmbeddedPostgresServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole server on a fixed port and database, so that it can be stopped and started
 * again under the feet of open pages: the same address, the same data, the same local
 * signing key (the pages' tokens stay valid).
 */
final class RestartableServer implements AutoCloseable {

	private final int port;

	private final String jdbcUrl;

	private final List<String> arguments;

	private ConfigurableApplicationContext context;

	private RestartableServer(int port, String jdbcUrl, List<String> arguments) {
		this.port = port;
		this.jdbcUrl = jdbcUrl;
		this.arguments = arguments;
	}

	/**
	 * Starts a server on a free port and a new database.
	 * @param name names the database and the data directory
	 * @param properties more {@code --name=value} arguments
	 */
	static RestartableServer start(String name, String... properties) throws IOException {
		String url = EmbeddedPostgresServer.startEphemeral().jdbcUrl(name + "_" + ProcessHandle.current().pid());
		int port = freePort();
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + port, "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--timeledger.data-dir=" + Files.createTempDirectory(name),
				"--spring.lifecycle.timeout-per-shutdown-phase=5s", "--logging.level.root=WARN"));
		arguments.addAll(List.of(properties));
		RestartableServer server = new RestartableServer(port, url, arguments);
		server.start();
		return server;
	}

	void start() {
		this.context = new SpringApplicationBuilder(TimeLedgerApplication.class)
			.run(this.arguments.toArray(String[]::new));
	}

	void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** The server's database, user postgres without a password. */
	String jdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public void close() {
		stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
