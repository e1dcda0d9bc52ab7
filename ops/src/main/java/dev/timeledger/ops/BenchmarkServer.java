package dev.timeledger.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.timeledger.web.TimeLedgerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The whole server, in this JVM, on a durable embedded PostgreSQL in a temporary
 * directory (the same settings as a real single node), deleted afterwards.
 */
final class BenchmarkServer implements AutoCloseable {

	private final Path dataDir;

	private final ConfigurableApplicationContext context;

	private BenchmarkServer(Path dataDir, ConfigurableApplicationContext context) {
		this.dataDir = dataDir;
		this.context = context;
	}

	static BenchmarkServer start() throws IOException {
		Path dataDir = Files.createTempDirectory("timeledger-benchmark");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TimeLedgerApplication.class).run(
				"--server.port=0", "--timeledger.data-dir=" + dataDir, "--logging.level.root=WARN",
				"--logging.level.dev.timeledger=WARN");
		return new BenchmarkServer(dataDir, context);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	JdbcClient jdbc() {
		return bean(JdbcClient.class);
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.context.close();
		FileSystemUtils.deleteRecursively(this.dataDir.toFile());
	}

}
