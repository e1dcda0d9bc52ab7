package dev.timeledger.web.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeledger.command.InvalidInput;
import dev.timeledger.web.TimeLedgerProperties;
import dev.timeledger.web.eventstore.PendingAppend;
import dev.timeledger.web.eventstore.PositionedResult;
import dev.timeledger.web.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs writes: sends the command, answers with the position of its last event, retries a
 * command that lost an optimistic-concurrency race (so that the rules, not the race,
 * decide the outcome), and keeps the answer of a write with an {@code Idempotency-Key}.
 */
@Component
public class CommandExecutor {

	/** The header that carries a write's event position. */
	public static final String POSITION_HEADER = "TimeLedger-Position";

	/** The header of an answer replayed for an {@code Idempotency-Key}. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	/**
	 * The request attribute that holds a write's command supplier, for the metrics of
	 * writes by command type.
	 */
	public static final String COMMAND_ATTRIBUTE = CommandExecutor.class.getName() + ".command";

	static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

	private final CommandGateway commandGateway;

	private final IdempotencyStore idempotency;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final ObjectMapper objectMapper;

	private final int retries;

	CommandExecutor(CommandGateway commandGateway, IdempotencyStore idempotency, TransactionTemplate transactions,
			JdbcClient jdbc, ObjectMapper objectMapper, TimeLedgerProperties properties) {
		this.commandGateway = commandGateway;
		this.idempotency = idempotency;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.objectMapper = objectMapper;
		this.retries = properties.commands().retries();
	}

	/**
	 * Executes a write and answers it.
	 * @param caller the authenticated caller
	 * @param request the HTTP request, for its Idempotency-Key and fingerprint
	 * @param body the parsed request body, may be null
	 * @param command builds the command; called again on a retry
	 * @param answer turns the handler's result and the stored position into the answer
	 */
	public ResponseEntity<Object> execute(Caller caller, HttpServletRequest request, Object body,
			Supplier<Object> command, BiFunction<Object, Long, CommandAnswer> answer) {
		request.setAttribute(COMMAND_ATTRIBUTE, command);
		String key = request.getHeader(IDEMPOTENCY_HEADER);
		if (key != null && (key.isBlank() || key.length() > 255)) {
			throw new InvalidInput(IDEMPOTENCY_HEADER + " must have 1 to 255 characters");
		}
		String fingerprint = request.getMethod() + " " + request.getRequestURI() + " " + sha256(json(body));
		return execute(new Write(caller, key, fingerprint, command, answer));
	}

	private ResponseEntity<Object> execute(Write write) {
		for (int attempt = 0;; attempt++) {
			try {
				return (write.idempotencyKey() == null) ? respond(send(write))
						: this.transactions.execute((status) -> sendOnce(write));
			}
			catch (ConcurrencyException ex) {
				if (attempt >= this.retries) {
					throw ex;
				}
			}
		}
	}

	private ResponseEntity<Object> sendOnce(Write write) {
		Optional<IdempotencyStore.StoredAnswer> stored = this.idempotency.claim(write.caller(), write.idempotencyKey(),
				write.fingerprint());
		if (stored.isPresent()) {
			return replay(stored.get());
		}
		Sent sent = send(write);
		this.idempotency.complete(write.caller(), write.idempotencyKey(), sent.answer().status().value(),
				json(sent.answer().body(sent.position())), sent.answer().location(), sent.position());
		return respond(sent);
	}

	private Sent send(Write write) {
		PositionedResult result = this.commandGateway.sendAndWait(write.command().get());
		// inside a transaction of our own (an Idempotency-Key's), the events are stored
		// now: the stored answer names their position
		PendingAppend.flushCurrentTransaction();
		long position = result.appended().get();
		if (position < 0) {
			position = this.jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")
				.query(Long.class)
				.single();
		}
		return new Sent(write.answer().apply(result.value(), position), position);
	}

	private static ResponseEntity<Object> respond(Sent sent) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(sent.answer().status())
			.header(POSITION_HEADER, Long.toString(sent.position()));
		if (sent.answer().location() != null) {
			builder.header(HttpHeaders.LOCATION, sent.answer().location());
		}
		Map<String, Object> body = sent.answer().body(sent.position());
		return (body != null) ? builder.body(body) : builder.build();
	}

	private static ResponseEntity<Object> replay(IdempotencyStore.StoredAnswer stored) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status())
			.header(POSITION_HEADER, Long.toString(stored.position()))
			.header(REPLAYED_HEADER, "true");
		if (stored.location() != null) {
			builder.header(HttpHeaders.LOCATION, stored.location());
		}
		return (stored.body() != null) ? builder.contentType(MediaType.APPLICATION_JSON).body(stored.body())
				: builder.build();
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String json(Object body) {
		try {
			return (body != null) ? this.objectMapper.writeValueAsString(body) : null;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Sent(CommandAnswer answer, long position) {
	}

}
