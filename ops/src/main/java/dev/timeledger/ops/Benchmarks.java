package dev.timeledger.ops;

import java.util.Locale;

/**
 * Runs one benchmark against a server started in this JVM on its own embedded PostgreSQL.
 * <ul>
 * <li>{@code rebuild N}: seeds N events, then measures a projection rebuild against a raw
 * baseline (sequential read and JSON decode of the same event table).</li>
 * <li>{@code latency N}: N writes, each followed by the time until the weekly report
 * includes it, with the projections idle in between.</li>
 * <li>{@code live N}: N STOMP subscribers against the packaged server in its own JVM:
 * heap per connection, delivery latency at 200 commands/s, fan-out on a busy topic.</li>
 * <li>{@code throughput N}: N commands over HTTP by concurrent clients, beside a raw JDBC
 * insert baseline of the same event rows.</li>
 * </ul>
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String name = (args.length > 0) ? args[0] : "rebuild";
		int size = (args.length > 1) ? Integer.parseInt(args[1]) : ("live".equals(name) ? 10_000 : 100_000);
		System.out.printf(Locale.ROOT, "Machine: %d cores, %d MiB heap, Java %s, %s %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
		switch (name) {
			case "rebuild" -> RebuildBenchmark.run(size);
			case "latency" -> ProjectionLatencyBenchmark.run(size);
			case "live" -> LiveBenchmark.run(size);
			case "throughput" -> ThroughputBenchmark.run(size);
			default -> throw new IllegalArgumentException(
					"Unknown benchmark " + name + "; use rebuild, latency, live or throughput");
		}
		System.exit(0);
	}

}
