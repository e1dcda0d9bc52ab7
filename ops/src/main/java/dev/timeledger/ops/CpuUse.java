package dev.timeledger.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time spent during a phase by the server JVM, this JVM and the whole machine (from
 * {@code /proc/stat}): on a machine shared with other work this says how much of it the
 * benchmark actually had.
 */
final class CpuUse {

	private final ProcessHandle server;

	private final long startNanos = System.nanoTime();

	private final Duration serverStart;

	private final Duration clientStart;

	private final long[] machineStart;

	private final ProcessHandle database;

	private final Map<Long, Duration> databaseStart;

	private CpuUse(ProcessHandle server, ProcessHandle database) {
		this.server = server;
		this.database = database;
		this.serverStart = cpu(server);
		this.clientStart = cpu(ProcessHandle.current());
		this.machineStart = machine();
		this.databaseStart = processTree(database);
	}

	static CpuUse start(long serverPid) {
		return new CpuUse(ProcessHandle.of(serverPid).orElseThrow(), null);
	}

	/**
	 * For a server and its database: the database's core-seconds are those of the process
	 * and its children (PostgreSQL's postmaster and its backends).
	 */
	static CpuUse start(long serverPid, ProcessHandle database) {
		return new CpuUse(ProcessHandle.of(serverPid).orElseThrow(), database);
	}

	/** Core-seconds of the server JVM and this one, and the machine's busy share. */
	String since() {
		double wall = (System.nanoTime() - this.startNanos) / 1e9;
		double busy = machineBusy();
		return String.format(Locale.ROOT, "server JVM %.1f, clients %.1f core-s in %.1f s; all cores %s busy",
				serverCoreSeconds(), hereCoreSeconds(), wall,
				Double.isNaN(busy) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * busy));
	}

	/** Core-seconds the server JVM used since the start. */
	double serverCoreSeconds() {
		return cpu(this.server).minus(this.serverStart).toNanos() / 1e9;
	}

	/**
	 * Core-seconds the database's processes used since the start; a process that ended in
	 * between is not counted.
	 */
	double databaseCoreSeconds() {
		Duration used = Duration.ZERO;
		for (Map.Entry<Long, Duration> process : processTree(this.database).entrySet()) {
			used = used
				.plus(process.getValue().minus(this.databaseStart.getOrDefault(process.getKey(), Duration.ZERO)));
		}
		return used.toNanos() / 1e9;
	}

	/** Core-seconds this JVM used since the start. */
	double hereCoreSeconds() {
		return cpu(ProcessHandle.current()).minus(this.clientStart).toNanos() / 1e9;
	}

	/**
	 * The share of the machine's cores that were busy since the start; NaN if unknown.
	 */
	double machineBusy() {
		long[] machine = machine();
		if (machine.length == 2 && this.machineStart.length == 2 && machine[1] > this.machineStart[1]) {
			return (double) (machine[0] - this.machineStart[0]) / (machine[1] - this.machineStart[1]);
		}
		return Double.NaN;
	}

	private static Map<Long, Duration> processTree(ProcessHandle root) {
		if (root == null) {
			return Map.of();
		}
		return Stream.concat(Stream.of(root), root.descendants())
			.collect(Collectors.toMap(ProcessHandle::pid, CpuUse::cpu));
	}

	private static Duration cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/** Busy and total jiffies of all cores, empty if unknown. */
	private static long[] machine() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			// user nice system idle iowait irq softirq steal; guest time is inside user
			long[] values = Arrays.stream(fields, 1, 9).mapToLong(Long::parseLong).toArray();
			long total = Arrays.stream(values).sum();
			long idle = values[3] + values[4];
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[0];
		}
	}

}
