package dev.timeledger.command.worklog;

import dev.timeledger.command.DomainException;

/** The entries of a worker never overlap, nor overlap its running timer. */
public class EntryOverlaps extends DomainException {

	EntryOverlaps(String other, java.time.Instant start, java.time.Instant end) {
		super("entry-overlaps", Kind.CONFLICT, "the time overlaps " + other + " (" + start + " to " + end + ")");
	}

}
