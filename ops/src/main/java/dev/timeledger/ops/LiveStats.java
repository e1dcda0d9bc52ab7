package dev.timeledger.ops;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches received messages to the commands that caused them. Positions are event
 * positions: a message with position p covers every command of its destination whose
 * answer position is at most p.
 */
final class LiveStats {

	private LiveStats() {
	}

	/**
	 * The weekly-report latencies: for each measured command and each open subscriber of
	 * its worker, from the command's answer to the first message on that subscription
	 * whose position is at least the command's (its own change, or a later one that
	 * folded it in).
	 */
	static Weekly weekly(List<LiveClient> clients, List<LiveLoad.Sent> measured, List<LiveLoad.Sent> all) {
		Map<Integer, TreeMap<Long, LiveLoad.Sent>> allByWorker = byWorker(all);
		Map<Integer, TreeMap<Long, LiveLoad.Sent>> measuredByWorker = byWorker(measured);
		Longs latencies = new Longs();
		long missing = 0;
		long folded = 0;
		for (LiveClient client : clients) {
			TreeMap<Long, LiveLoad.Sent> mine = measuredByWorker.get(client.worker);
			if (mine == null) {
				continue;
			}
			Longs positions = new Longs();
			Longs times = new Longs();
			client.receipts(LiveClient.WEEKLY, (c, position, received) -> {
				positions.add(position);
				times.add(received);
			});
			long[] position = positions.values();
			long[] time = times.values();
			for (LiveLoad.Sent command : mine.values()) {
				int at = firstAtLeast(position, command.position());
				if (at < 0) {
					missing++;
					continue;
				}
				latencies.add(time[at] - command.answerNanos());
				Long next = allByWorker.get(client.worker).higherKey(command.position());
				if (next != null && position[at] >= next) {
					folded++;
				}
			}
		}
		long expected = clients.stream()
			.filter((client) -> measuredByWorker.containsKey(client.worker))
			.mapToLong((client) -> measuredByWorker.get(client.worker).size())
			.sum();
		return new Weekly(latencies.sorted(), missing, folded, expected);
	}

	/**
	 * The index of the first value at least {@code wanted} in ascending values, -1 if
	 * none.
	 */
	private static int firstAtLeast(long[] ascending, long wanted) {
		int at = Arrays.binarySearch(ascending, wanted);
		if (at < 0) {
			at = -at - 1;
		}
		return (at < ascending.length) ? at : -1;
	}

	private static Map<Integer, TreeMap<Long, LiveLoad.Sent>> byWorker(List<LiveLoad.Sent> commands) {
		Map<Integer, TreeMap<Long, LiveLoad.Sent>> byWorker = new HashMap<>();
		commands.stream()
			.filter(LiveLoad.Sent::ok)
			.forEach((sent) -> byWorker.computeIfAbsent(sent.worker(), (w) -> new TreeMap<>())
				.put(sent.position(), sent));
		return byWorker;
	}

	/** Per command on the team destination: deliveries, first and last receive time. */
	static Team team(List<LiveClient> clients, List<LiveLoad.Sent> commands, int subscribers) {
		TreeMap<Long, Integer> index = new TreeMap<>();
		List<LiveLoad.Sent> ok = commands.stream().filter(LiveLoad.Sent::ok).toList();
		for (int i = 0; i < ok.size(); i++) {
			index.put(ok.get(i).position(), i);
		}
		long[] counts = new long[ok.size()];
		long[] first = new long[ok.size()];
		long[] last = new long[ok.size()];
		long[] total = { 0, 0 };
		Arrays.fill(first, Long.MAX_VALUE);
		Arrays.fill(last, Long.MIN_VALUE);
		for (LiveClient client : clients) {
			client.receipts(LiveClient.TEAM, (c, position, received) -> {
				Map.Entry<Long, Integer> cause = index.ceilingEntry(position);
				if (cause == null) {
					total[1]++;
					return;
				}
				counts[cause.getValue()]++;
				first[cause.getValue()] = Math.min(first[cause.getValue()], received);
				last[cause.getValue()] = Math.max(last[cause.getValue()], received);
				total[0]++;
			});
		}
		Longs fanOut = new Longs();
		Longs firsts = new Longs();
		int complete = 0;
		long lastDelivery = Long.MIN_VALUE;
		for (int i = 0; i < ok.size(); i++) {
			if (counts[i] > 0) {
				firsts.add(first[i] - ok.get(i).answerNanos());
			}
			if (counts[i] >= subscribers) {
				complete++;
				fanOut.add(last[i] - ok.get(i).answerNanos());
			}
			lastDelivery = Math.max(lastDelivery, last[i]);
		}
		long firstSent = ok.stream().mapToLong(LiveLoad.Sent::sentNanos).min().orElse(0);
		return new Team(total[0], total[1], complete, ok.size(), fanOut.sorted(), firsts.sorted(), firstSent,
				lastDelivery);
	}

	/** The value at a quantile of sorted nanoseconds, in milliseconds. */
	static String ms(long[] sorted, double quantile) {
		return (sorted.length == 0) ? "-" : String.format(Locale.ROOT, "%.1f", quantile(sorted, quantile) / 1e6);
	}

	/** The value at a quantile of sorted values (nearest rank), 0 for none. */
	static long quantile(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		int at = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, at)];
	}

	/**
	 * Weekly-report figures.
	 *
	 * @param latencies per subscriber and command, receive time minus answer time,
	 * sorted, ns
	 * @param missing subscriber-commands that no message covered
	 * @param folded subscriber-commands covered only by a message that also covers the
	 * worker's next command
	 * @param expected subscriber-commands in all
	 */
	record Weekly(long[] latencies, long missing, long folded, long expected) {

	}

	/**
	 * Team-report figures.
	 *
	 * @param deliveries messages matched to a command
	 * @param unmatched messages that matched none
	 * @param complete commands that reached every subscriber
	 * @param commands commands answered
	 * @param fanOut answer to last delivery, per complete command, sorted, ns
	 * @param first answer to first delivery, per command delivered at all, sorted, ns
	 * @param firstSent when the first command was sent
	 * @param lastDelivery when the last message arrived
	 */
	record Team(long deliveries, long unmatched, int complete, int commands, long[] fanOut, long[] first,
			long firstSent, long lastDelivery) {

	}

	/** A growable list of longs. */
	static final class Longs {

		private long[] values = new long[1024];

		private int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		long[] values() {
			return Arrays.copyOf(this.values, this.size);
		}

		long[] sorted() {
			long[] sorted = values();
			Arrays.sort(sorted);
			return sorted;
		}

	}

}
