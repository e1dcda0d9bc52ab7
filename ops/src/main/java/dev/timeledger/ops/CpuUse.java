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

	/** The kind of the JIT compilers' threads. */
	static final String JIT = "JIT";

	private final ProcessHandle server;

	private final long startNanos = System.nanoTime();

	private final Duration serverStart;

	private final Duration clientStart;

	private final long[] machineStart;

	private final ProcessHandle database;

	private final Map<Long, Duration> databaseStart;

	private final Map<Long, ThreadCpu> serverThreadsStart;

	private CpuUse(ProcessHandle server, ProcessHandle database) {
		this.server = server;
		this.database = database;
		this.serverStart = cpu(server);
		this.clientStart = cpu(ProcessHandle.current());
		this.machineStart = machine();
		this.databaseStart = processTree(database);
		this.serverThreadsStart = threads(server.pid());
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
		return String.format(Locale.ROOT,
				"server JVM %.1f (its JIT compilers %.1f), %sclients %.1f core-s in %.1f s; all cores %s busy",
				serverCoreSeconds(), serverByKind().getOrDefault(JIT, 0.0),
				(this.database != null) ? String.format(Locale.ROOT, "PostgreSQL %.1f, ", databaseCoreSeconds()) : "",
				hereCoreSeconds(), wall, Double.isNaN(busy) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * busy));
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

	/**
	 * Core-seconds of the server JVM's threads since the start, by kind: the JIT
	 * compilers, the garbage collector, and the rest (the application). A thread that
	 * ended in between is not counted; the JVM starts and ends compiler threads as its
	 * queue needs them.
	 */
	Map<String, Double> serverByKind() {
		Map<String, Double> kinds = new java.util.TreeMap<>();
		for (Map.Entry<Long, ThreadCpu> thread : threads(this.server.pid()).entrySet()) {
			ThreadCpu before = this.serverThreadsStart.get(thread.getKey());
			long jiffies = thread.getValue().jiffies() - ((before != null) ? before.jiffies() : 0);
			kinds.merge(thread.getValue().kind(), jiffies / JIFFIES_PER_SECOND, Double::sum);
		}
		return kinds;
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

	/** Linux's USER_HZ, the unit of the per-thread times in {@code /proc}. */
	private static final double JIFFIES_PER_SECOND = 100;

	private static Map<Long, ThreadCpu> threads(long pid) {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			Map<Long, ThreadCpu> threads = new java.util.HashMap<>();
			tasks.forEach((task) -> {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					// after the name: state is field 3; utime and stime are fields 14 and
					// 15
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					threads.put(Long.parseLong(task.getFileName().toString()),
							new ThreadCpu(kind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended while listed
				}
			});
			return threads;
		}
		catch (IOException ex) {
			return Map.of();
		}
	}

	private static String kind(String threadName) {
		if (threadName.contains("Compiler")) {
			return JIT;
		}
		if (threadName.startsWith("GC ") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
			return "GC";
		}
		return "application";
	}

	private record ThreadCpu(String kind, long jiffies) {
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
