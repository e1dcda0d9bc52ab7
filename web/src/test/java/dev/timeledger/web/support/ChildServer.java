package dev.timeledger.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.timeledger.web.TimeLedgerApplication;

/**
 * The server in a JVM of its own, started with this test's class path, so that a test can
 * kill it with SIGKILL and start it again on the same port and data.
 */
public final class ChildServer implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final int port;

	private final List<String> jvmOptions;

	private final List<String> arguments;

	private final Path logDirectory;

	private Path log;

	private Process process;

	/**
	 * @param logDirectory where each start's output goes
	 * @param arguments the server's {@code --name=value} arguments, without the port
	 */
	public ChildServer(Path logDirectory, List<String> arguments) {
		this(logDirectory, List.of("-Xmx512m"), arguments);
	}

	/**
	 * @param logDirectory where each start's output goes
	 * @param jvmOptions the options of the server's JVM, such as its heap size
	 * @param arguments the server's {@code --name=value} arguments, without the port
	 */
	public ChildServer(Path logDirectory, List<String> jvmOptions, List<String> arguments) {
		this.port = freePort();
		this.jvmOptions = List.copyOf(jvmOptions);
		this.arguments = List.copyOf(arguments);
		this.logDirectory = logDirectory;
	}

	/**
	 * A directory for servers' logs under {@code target}, kept after the test so that a
	 * failure can be read.
	 */
	public static Path logs(String name) {
		try {
			return java.nio.file.Files.createDirectories(Path.of("target", "server-logs", name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the server and waits until it answers its health check. */
	public ApiClient start() {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(this.jvmOptions);
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				TimeLedgerApplication.class.getName(), "--server.port=" + this.port));
		command.addAll(this.arguments);
		this.log = this.logDirectory.resolve("server-" + this.port + "-" + System.nanoTime() + ".log");
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.log.toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the server", ex);
		}
		return awaitReady();
	}

	/** The output of the latest start. */
	public Path log() {
		return this.log;
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
	public void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			await(this.process);
		}
	}

	/** SIGTERM: a graceful shutdown. */
	public void stop() {
		if (this.process != null) {
			this.process.destroy();
			await(this.process);
		}
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	public int port() {
		return this.port;
	}

	/** The process id, which names the node in token claims ({@code pid@host}). */
	public long pid() {
		return this.process.pid();
	}

	@Override
	public void close() {
		if (isAlive()) {
			kill();
		}
	}

	private ApiClient awaitReady() {
		ApiClient api = new ApiClient(this.port);
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try {
				if (api.get("/actuator/health", null).status() == 200) {
					return api;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			sleep(250);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException("The server did not become ready; see its log in " + this.logDirectory);
	}

	private static void await(Process process) {
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
