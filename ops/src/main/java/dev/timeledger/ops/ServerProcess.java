package dev.timeledger.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * The packaged server as a separate JVM on loopback, with its embedded PostgreSQL in a
 * temporary directory; its output goes to a log file there. Closing stops it (and any
 * PostgreSQL left behind), reports the log's ERROR and WARN lines and deletes the
 * directory; a shutdown hook does the same if this JVM ends first.
 */
final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final Path directory;

	private final Path log;

	private final int port;

	private final Thread hook;

	private boolean closed;

	private volatile boolean outOfMemory;

	private ServerProcess(Process process, Path directory, Path log, int port) {
		this.process = process;
		this.directory = directory;
		this.log = log;
		this.port = port;
		this.hook = new Thread(this::stop, "stop-benchmark-server");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	static ServerProcess start(String maxHeap, List<String> settings) throws Exception {
		Path jar = Stream.of("web/target/timeledger.jar", "../web/target/timeledger.jar")
			.map((candidate) -> Path.of(candidate).toAbsolutePath().normalize())
			.filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No server jar at web/target/timeledger.jar or "
					+ "../web/target/timeledger.jar (working directory " + Path.of("").toAbsolutePath()
					+ "); package the web module first: ./mvnw -B -q -pl web -am -DskipTests package"));
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Path directory = Files.createTempDirectory("timeledger-live");
		// a copy: a rebuild of the web module while the server runs must not pull its
		// classes away
		Path copy = Files.copy(jar, directory.resolve("timeledger.jar"));
		Path log = directory.resolve("server.log");
		// four JIT compiler threads, as recommended for few cores (ADR 20)
		List<String> command = new ArrayList<>(List.of(javaTool("java"), "-Xmx" + maxHeap, "-XX:CICompilerCount=4"));
		// JVM options for experiments, e.g. a flight recording:
		// -Dserver.jvm.args="-XX:..."
		command.addAll(words("server.jvm.args"));
		command.addAll(List.of("-jar", copy.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--timeledger.data-dir=" + directory.resolve("data"), "--logging.level.root=WARN"));
		command.addAll(settings);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServerProcess server = new ServerProcess(process, directory, log, port);
		try {
			server.awaitHealthy(Duration.ofSeconds(90));
		}
		catch (Exception ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	int port() {
		return this.port;
	}

	boolean alive() {
		return this.process.isAlive();
	}

	/** Whether the server is gone or logged an OutOfMemoryError. */
	boolean broken() {
		if (!this.outOfMemory) {
			this.outOfMemory = logLines().stream().anyMatch((line) -> line.contains("OutOfMemoryError"));
		}
		return this.outOfMemory || !alive();
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * The server's embedded PostgreSQL: the postmaster (line 1 of its
	 * {@code postmaster.pid}), parent of its backends.
	 */
	ProcessHandle postgres() throws IOException {
		long pid = Long.parseLong(postmasterPid().get(0).trim());
		return ProcessHandle.of(pid)
			.orElseThrow(() -> new IllegalStateException("No PostgreSQL runs on " + this.directory));
	}

	private Stream<ProcessHandle> onDataDirectory() {
		String data = this.directory.toString();
		return ProcessHandle.allProcesses()
			.filter((handle) -> handle.info().commandLine().map((line) -> line.contains(data)).orElse(false));
	}

	/**
	 * A JDBC URL of the server's embedded PostgreSQL, read from its
	 * {@code postmaster.pid} (user postgres, no password).
	 */
	String postgresJdbcUrl() throws IOException {
		// line 4 of postmaster.pid is the port
		return "jdbc:postgresql://127.0.0.1:" + postmasterPid().get(3).trim() + "/timeledger?user=postgres";
	}

	private List<String> postmasterPid() throws IOException {
		return Files.readAllLines(this.directory.resolve("data/postgres/postmaster.pid"));
	}

	/**
	 * The words of a system property, for settings and JVM options given to a benchmark
	 * on the command line ({@code -Dlive.server.args="--a=b --c=d"}); empty when unset.
	 */
	static List<String> words(String property) {
		String value = System.getProperty(property, "").trim();
		return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
	}

	private void awaitHealthy(Duration limit) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The server exited with " + this.process.exitValue() + ":\n" + tail(40));
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The server was not healthy within " + limit.toSeconds() + " s:\n" + tail(40));
	}

	private List<String> logLines() {
		try {
			return Files.readAllLines(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return List.of("(log unreadable: " + ex.getMessage() + ")");
		}
	}

	private String tail(int lines) {
		List<String> all = logLines();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// shutting down already: the hook runs
		}
		stop();
	}

	private synchronized void stop() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		int running = logLines().size();
		this.process.destroy();
		try {
			if (!this.process.waitFor(40, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		// a PostgreSQL that outlived a forcibly stopped server: only the one on our data
		// directory, by its pid
		String data = this.directory.toString();
		onDataDirectory().forEach((handle) -> {
			System.out.println("Stopping leftover process " + handle.pid() + " on " + data);
			handle.destroy();
			try {
				handle.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		});
		List<String> lines = logLines();
		running = Math.min(running, lines.size());
		LogFindings.of("Server log while running", lines.subList(0, running), 25).forEach(System.out::println);
		LogFindings.of("Server log while stopping", lines.subList(running, lines.size()), 25)
			.forEach(System.out::println);
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

	/**
	 * Collects the server's garbage, then answers its heap in use and its live objects by
	 * class.
	 */
	HeapProbe.Heap heap() throws Exception {
		return HeapProbe.of(pid(), this.directory);
	}

	static String javaTool(String name) {
		Path tool = Path.of(System.getProperty("java.home"), "bin", name);
		return Files.isExecutable(tool) ? tool.toString() : name;
	}

}
