package dev.timeledger.web.command;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import dev.timeledger.web.security.Caller;

/**
 * One write request: who sends it, what it is, the command it becomes and how to answer
 * once the command has stored its events.
 *
 * @param caller the authenticated caller
 * @param idempotencyKey the {@code Idempotency-Key} header, may be null
 * @param fingerprint what identifies the request for idempotency (method, path and body)
 * @param command builds the command; called again on a retry
 * @param answer turns the handler's result and the stored position into the answer
 */
record Write(Caller caller, String idempotencyKey, String fingerprint, Supplier<Object> command,
		BiFunction<Object, Long, CommandAnswer> answer) {
}
