package dev.timeledger.web.admin;

import dev.timeledger.command.DomainException;

/** The projection has no parked events of that sequence. */
class ParkedSequenceNotFound extends DomainException {

	ParkedSequenceNotFound(String projection, String sequence) {
		super("parked-sequence-not-found", Kind.NOT_FOUND,
				"Projection " + projection + " has no parked events of sequence " + sequence);
	}

}
