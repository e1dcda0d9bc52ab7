package dev.timeledger.web.problem;

import java.io.IOException;

/** A request body went past the configured limit while it was read. */
class PayloadTooLarge extends IOException {

	PayloadTooLarge(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

}
