package dev.timeledger.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live benchmark's figures: each printed as it is measured, and all of them as
 * Markdown tables at the end, the latency phases first.
 */
final class LiveReport {

	private final List<String[]> rows = new ArrayList<>();

	private final List<Latency> latencies = new ArrayList<>();

	void row(String figure, String value) {
		this.rows.add(new String[] { figure, value });
		System.out.println("  " + figure + ": " + value);
	}

	void latency(Latency latency) {
		this.latencies.add(latency);
	}

	/**
	 * Heap per idle connection: all connected minus the measuring clients only, over the
	 * idle clients still open; and all connected minus none, over all open.
	 */
	void heap(HeapProbe.Heap none, HeapProbe.Heap measuring, HeapProbe.Heap all, LiveClients clients) {
		int open = clients.open().size();
		int idle = (int) clients.open().stream().filter((c) -> c.worker < 0).count();
		row("server heap per idle connection (" + String.format("%,d", idle) + " idle)",
				perConnection(all.used() - measuring.used(), idle) + String.format(Locale.ROOT,
						" (heap used after full GC %,d -> %,d KB)", measuring.used() >> 10, all.used() >> 10));
		row("server heap per connection, none -> all " + String.format("%,d", open),
				perConnection(all.used() - none.used(), open)
						+ String.format(Locale.ROOT, " (%,d -> %,d KB)", none.used() >> 10, all.used() >> 10));
		printTopClasses(measuring, all, idle);
	}

	private static void printTopClasses(HeapProbe.Heap before, HeapProbe.Heap after, int connections) {
		System.out.println("Server live objects grown most with the idle connections (bytes per connection):");
		after.byClass()
			.entrySet()
			.stream()
			.map((e) -> Map.entry(e.getKey(), e.getValue() - before.byClass().getOrDefault(e.getKey(), 0L)))
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(12)
			.forEach((e) -> System.out.printf(Locale.ROOT, "  %,9.0f  %s%n", (double) e.getValue() / connections,
					e.getKey()));
	}

	private static String perConnection(long bytes, int connections) {
		double each = (double) bytes / Math.max(1, connections);
		return String.format(Locale.ROOT, "%,.0f bytes = %.1f KB", each, each / 1024);
	}

	static String rate(long count, long nanos) {
		return String.format(Locale.ROOT, "%,.0f", count / Math.max(1e-9, nanos / 1e9));
	}

	/** Prints the tables under a line that says what was run. */
	void print(String title, int n) {
		System.out.println();
		System.out.println(title);
		System.out.println();
		System.out.println("| subscribers connected | commands answered / due (skipped) | command answer p50 / p99 "
				+ "| delivery p50 | p95 | p99 | max | folded / missing |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		this.latencies.forEach((latency) -> System.out.println(latency.row()));
		if (this.latencies.size() == 2) {
			long[] base = this.latencies.get(0).weekly().latencies();
			long[] loaded = this.latencies.get(1).weekly().latencies();
			System.out.printf(Locale.ROOT, "%nRatio loaded / baseline: p50 %s, p99 %s%n", ratio(loaded, base, 0.5),
					ratio(loaded, base, 0.99));
		}
		System.out.println();
		System.out.println("| figure | value |");
		System.out.println("|---|---|");
		this.rows.forEach((r) -> System.out.println("| " + r[0] + " | " + r[1] + " |"));
		System.out.println();
		System.out.println(
				"Reproduce: ./mvnw -B -q -pl ops -am -Pbenchmark -DskipTests package -Dbenchmark=live -Devents=" + n);
	}

	private static String ratio(long[] loaded, long[] base, double quantile) {
		return String.format(Locale.ROOT, "%.2f",
				(double) LiveStats.quantile(loaded, quantile) / LiveStats.quantile(base, quantile));
	}

	/** One latency phase. */
	record Latency(int connected, int due, long[] answers, long skipped, LiveStats.Weekly weekly) {

		String row() {
			long[] delivery = this.weekly.latencies();
			return String.format(Locale.ROOT,
					"| %,d | %,d / %,d (%d) | %s / %s ms | %s ms | %s ms | %s ms | %s ms | %,d / %,d |", this.connected,
					this.answers.length, this.due, this.skipped, LiveStats.ms(this.answers, 0.5),
					LiveStats.ms(this.answers, 0.99), LiveStats.ms(delivery, 0.5), LiveStats.ms(delivery, 0.95),
					LiveStats.ms(delivery, 0.99), LiveStats.ms(delivery, 1), this.weekly.folded(),
					this.weekly.missing());
		}

	}

}
