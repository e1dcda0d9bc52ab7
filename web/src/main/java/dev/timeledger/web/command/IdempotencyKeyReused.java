package dev.timeledger.web.command;

import dev.timeledger.command.DomainException;

/** The same Idempotency-Key came with a different request. */
class IdempotencyKeyReused extends DomainException {

	IdempotencyKeyReused(String key) {
		super("idempotency-key-reused", Kind.CONFLICT,
				"Idempotency-Key '" + key + "' was used for a different request within its lifetime");
	}

}
