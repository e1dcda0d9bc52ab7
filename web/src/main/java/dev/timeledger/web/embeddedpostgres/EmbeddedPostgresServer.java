package dev.timeledger.web.embeddedpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server run from the binaries on the classpath, in a directory of its own.
 * One server serves every application context of a JVM that uses the same directory; it
 * stops when the last of them closes.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgresServer> running = new HashMap<>();

	private static final AtomicInteger databases = new AtomicInteger();

	private final Path directory;

	private final EmbeddedPostgres postgres;

	private final FileLock ownership;

	private int users;

	private boolean stopped;

	private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres, FileLock ownership) {
		this.directory = directory;
		this.postgres = postgres;
		this.ownership = ownership;
	}

	/**
	 * Starts the server in {@code directory}, or joins the one this JVM already runs
	 * there.
	 * @param directory the data directory, created when missing
	 * @param durable whether every commit is flushed to disk (off only for throw-away
	 * data)
	 * @param port the port, 0 for a free one
	 */
	public static EmbeddedPostgresServer start(Path directory, boolean durable, int port) {
		return start(directory, durable, port, Map.of());
	}

	/**
	 * Starts the server in {@code directory} with more PostgreSQL settings, or joins the
	 * one this JVM already runs there (whatever its settings).
	 */
	public static synchronized EmbeddedPostgresServer start(Path directory, boolean durable, int port,
			Map<String, String> settings) {
		Path key = directory.toAbsolutePath().normalize();
		EmbeddedPostgresServer server = running.get(key);
		if (server == null) {
			server = launch(key, durable, port, settings);
			running.put(key, server);
		}
		server.users++;
		return server;
	}

	/**
	 * Starts, or joins, this JVM's throw-away server: a temporary directory, no fsync,
	 * removed when the JVM ends. For tests.
	 */
	public static synchronized EmbeddedPostgresServer startEphemeral() {
		Path directory = Path.of(System.getProperty("java.io.tmpdir"),
				"timeledger-pg-" + ProcessHandle.current().pid());
		boolean first = !running.containsKey(directory);
		EmbeddedPostgresServer server = start(directory, false, 0);
		if (first) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				awaitLastUser(server, Duration.ofSeconds(30));
				server.stop();
				FileSystemUtils.deleteRecursively(directory.toFile());
				directory.resolveSibling(directory.getFileName() + ".lock").toFile().delete();
			}));
		}
		return server;
	}

	/**
	 * Shutdown hooks run at the same time: application contexts still closing (their
	 * processors releasing tokens) must find the server up, or each waits out its
	 * connection timeout.
	 */
	private static void awaitLastUser(EmbeddedPostgresServer server, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (EmbeddedPostgresServer.class) {
			long remaining;
			while (running.get(server.directory) == server && (remaining = deadline - System.nanoTime()) > 0) {
				try {
					TimeUnit.NANOSECONDS.timedWait(EmbeddedPostgresServer.class, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * A JDBC URL of {@code database} on this server, creating the database when missing.
	 */
	public String jdbcUrl(String database) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			boolean exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")
				.next();
			if (!exists) {
				statement.execute("CREATE DATABASE " + database);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database, ex);
		}
		return this.postgres.getJdbcUrl("postgres", database);
	}

	/** A name for a database no other context of this JVM uses. */
	public static String uniqueDatabaseName(String prefix) {
		return prefix + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
	}

	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() {
		synchronized (EmbeddedPostgresServer.class) {
			if (--this.users > 0) {
				return;
			}
			running.remove(this.directory);
			EmbeddedPostgresServer.class.notifyAll();
		}
		stop();
	}

	private synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		try {
			this.postgres.close();
			if (this.ownership.isValid()) {
				this.ownership.release();
				this.ownership.channel().close();
			}
		}
		catch (IOException ex) {
			logger.warn("Could not stop the embedded PostgreSQL in {}", this.directory, ex);
		}
	}

	private static EmbeddedPostgresServer launch(Path directory, boolean durable, int port,
			Map<String, String> settings) {
		try {
			Files.createDirectories(directory);
			FileLock ownership = own(directory);
			stopOrphan(directory);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				// stopped by its owner (the application context, or the hook of the
				// ephemeral server) once the processors and requests are done with it;
				// the library's own hook stopped it at once, in the middle of a graceful
				// shutdown
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setServerConfig("fsync", durable ? "on" : "off")
				.setServerConfig("synchronous_commit", durable ? "on" : "off")
				.setServerConfig("full_page_writes", durable ? "on" : "off")
				.setServerConfig("max_connections", "200")
				.setServerConfig("listen_addresses", "localhost");
			settings.forEach(builder::setServerConfig);
			EmbeddedPostgres postgres = builder.start();
			logger.info("Embedded PostgreSQL is running in {} on port {}", directory, postgres.getPort());
			return new EmbeddedPostgresServer(directory, postgres, ownership);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	/** Makes sure no other TimeLedger process uses the directory. */
	private static FileLock own(Path directory) throws IOException {
		FileChannel channel = FileChannel.open(directory.resolveSibling(directory.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("Another TimeLedger process uses the database in " + directory
					+ "; stop it or set timeledger.data-dir to another directory");
		}
		return lock;
	}

	/**
	 * Stops a server left running by a process that was killed: it holds the directory's
	 * {@code postmaster.pid} and would keep a new server from starting.
	 */
	private static void stopOrphan(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
				: ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
					.filter((process) -> process.info().command().map((c) -> c.endsWith("postgres")).orElse(false));
		if (orphan.isEmpty()) {
			return;
		}
		logger.warn("Stopping the PostgreSQL server (pid {}) that a previous run left behind", orphan.get().pid());
		orphan.get().destroy();
		try {
			orphan.get().onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			orphan.get().destroyForcibly();
		}
	}

}
