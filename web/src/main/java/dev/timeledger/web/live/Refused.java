package dev.timeledger.web.live;

import org.springframework.messaging.MessageDeliveryException;

/**
 * A frame the gate refuses: its message, the {@code ERROR} frame's {@code message}, is a
 * code and why.
 */
final class Refused extends MessageDeliveryException {

	Refused(String code, String detail) {
		super(code + ": " + detail);
	}

}
