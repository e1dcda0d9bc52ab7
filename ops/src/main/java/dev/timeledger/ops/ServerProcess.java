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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * The packaged server as a separate JVM on loopback, with its embedded PostgreSQL in a
 * temporary directory; its output goes to a log file there. Closing stops it (and any
 * PostgreSQL left behind), reports the log's ERROR and WARN lines and deletes the
 * directory; a shutdown hook does the same if this JVM ends first.
 */
final class ServerProcess implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

	private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

	private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

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
		List<String> command = new ArrayList<>(List.of(javaTool("java"), "-Xmx" + maxHeap, "-jar", copy.toString(),
				"--server.port=" + port, "--server.address=127.0.0.1",
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

	/**
	 * Collects the garbage, then answers the heap in use ({@code GC.heap_info}) and the
	 * live objects by class ({@code GC.class_histogram}, a full collection itself).
	 */
	Heap heap() throws Exception {
		jcmd("GC.run");
		long used = -1;
		Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (matcher.find()) {
			used = Long.parseLong(matcher.group(1)) * 1024;
		}
		Map<String, Long> byClass = new LinkedHashMap<>();
		long live = -1;
		for (String line : jcmd("GC.class_histogram").split("\n")) {
			Matcher row = HISTOGRAM_ROW.matcher(line);
			Matcher total = HISTOGRAM_TOTAL.matcher(line);
			if (row.find()) {
				byClass.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
			}
			else if (total.find()) {
				live = Long.parseLong(total.group(2));
			}
		}
		return new Heap(used, live, byClass);
	}

	/**
	 * Open file descriptors and threads of the server JVM (from /proc), -1 if unknown.
	 */
	long[] fdsAndThreads() {
		long fds = -1;
		long threads = -1;
		try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
			fds = entries.count();
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith("Threads:")) {
					threads = Long.parseLong(line.substring(8).trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not on Linux
		}
		return new long[] { fds, threads };
	}

	/** Runs a diagnostic command in the server JVM; at most two minutes. */
	private String jcmd(String what) throws Exception {
		Path out = Files.createTempFile(this.directory, "jcmd", ".txt");
		Process jcmd = new ProcessBuilder(javaTool("jcmd"), Long.toString(pid()), what).redirectErrorStream(true)
			.redirectOutput(out.toFile())
			.start();
		boolean finished = jcmd.waitFor(120, TimeUnit.SECONDS);
		if (!finished) {
			jcmd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		String text = Files.readString(out, StandardCharsets.UTF_8);
		Files.delete(out);
		if (!finished || jcmd.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + what + " failed: " + text);
		}
		return text;
	}

	/**
	 * The ERROR, WARN and exception lines among some log lines, alike ones (same text but
	 * for time stamps, ids and hashes) counted together.
	 */
	static List<String> findings(String title, List<String> lines, int limit) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, String> examples = new LinkedHashMap<>();
		for (String line : lines) {
			boolean stackFrame = line.startsWith("\tat ") || line.trim().startsWith("... ");
			if (!stackFrame && (line.contains("ERROR") || line.contains("WARN") || line.contains("Exception")
					|| line.contains("Error:"))) {
				String key = line.replaceFirst("^\\S+\\s+", "")
					.replaceAll("\\[[0-9a-f-]{36}\\]|[@#][0-9a-f]+|\\d+", "#");
				counts.merge(key, 1, Integer::sum);
				examples.putIfAbsent(key, (line.length() > 300) ? line.substring(0, 300) + "..." : line);
			}
		}
		List<String> findings = new ArrayList<>();
		findings.add(title + ": " + counts.values().stream().mapToInt(Integer::intValue).sum()
				+ " ERROR/WARN/exception lines" + (counts.isEmpty() ? "" : ", by kind:"));
		counts.entrySet()
			.stream()
			.limit(limit)
			.forEach((e) -> findings.add("  " + e.getValue() + " x " + examples.get(e.getKey())));
		return findings;
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
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
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
		ProcessHandle.allProcesses()
			.filter((handle) -> handle.info().commandLine().map((line) -> line.contains(data)).orElse(false))
			.forEach((handle) -> {
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
		findings("Server log while running", lines.subList(0, running), 25).forEach(System.out::println);
		findings("Server log while stopping", lines.subList(running, lines.size()), 25).forEach(System.out::println);
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

	private static String javaTool(String name) {
		Path tool = Path.of(System.getProperty("java.home"), "bin", name);
		return Files.isExecutable(tool) ? tool.toString() : name;
	}

	/**
	 * The server's heap after a collection.
	 *
	 * @param used heap in use according to {@code GC.heap_info}, bytes
	 * @param live live objects according to the class histogram, bytes
	 * @param byClass live bytes per class
	 */
	record Heap(long used, long live, Map<String, Long> byClass) {

	}

}
