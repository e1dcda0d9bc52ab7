package dev.timeledger.web.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages one subscriber received, in order, with their arrival times: what it saw
 * twice, lower than before, or as a reset.
 */
final class Receipts {

	private final List<Long> positions = new ArrayList<>();

	private final List<Long> arrivals = new ArrayList<>();

	private long last = -1;

	private int resets;

	private int duplicates;

	private int lower;

	/**
	 * @param arrival when it arrived ({@link System#nanoTime})
	 */
	synchronized void received(long position, String type, long arrival) {
		if ("reset".equals(type)) {
			this.resets++;
			return;
		}
		if (this.positions.contains(position)) {
			this.duplicates++;
		}
		else if (position < this.last) {
			this.lower++;
		}
		this.positions.add(position);
		this.arrivals.add(arrival);
		this.last = Math.max(this.last, position);
	}

	/** The highest position received, -1 for none. */
	synchronized long last() {
		return this.last;
	}

	/** Whether a position at or above {@code position} arrived. */
	synchronized boolean reached(long position) {
		return this.last >= position;
	}

	/**
	 * When the first position at or above {@code position} arrived
	 * ({@link System#nanoTime}), or -1.
	 */
	synchronized long arrivalOf(long position) {
		for (int i = 0; i < this.positions.size(); i++) {
			if (this.positions.get(i) >= position) {
				return this.arrivals.get(i);
			}
		}
		return -1;
	}

	synchronized List<Long> positions() {
		return List.copyOf(this.positions);
	}

	synchronized int duplicates() {
		return this.duplicates;
	}

	/** Positions lower than one already received. */
	synchronized int lower() {
		return this.lower;
	}

	synchronized int resets() {
		return this.resets;
	}

}
