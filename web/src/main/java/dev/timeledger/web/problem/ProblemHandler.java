package dev.timeledger.web.problem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.timeledger.command.DomainException;
import dev.timeledger.web.ratelimit.RateLimited;
import dev.timeledger.web.report.ProjectionBehind;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every error to problem+json with a stable {@code code}, in one place: domain rule
 * violations by their kind, concurrency conflicts, and Spring MVC's own errors.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	private static final Map<DomainException.Kind, HttpStatus> STATUS = Map.of(DomainException.Kind.INVALID,
			HttpStatus.BAD_REQUEST, DomainException.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
			DomainException.Kind.NOT_FOUND, HttpStatus.NOT_FOUND, DomainException.Kind.CONFLICT, HttpStatus.CONFLICT);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(DomainException ex) {
		return answer(Problems.of(STATUS.get(ex.kind()), ex.code(), ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(ConcurrencyException ex) {
		return answer(Problems.of(HttpStatus.CONFLICT, "conflict",
				"Another change to the same data won the race; read the current state and try again"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(ProjectionBehind ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(RateLimited ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.code(), ex.getMessage()));
	}

	/** A request parameter the firewall refuses, read by a handler. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(RequestRejectedException ex) {
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(AggregateNotFoundException ex) {
		return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "There is nothing with that id"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(MethodArgumentTypeMismatchException ex) {
		return answer(Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
				ex.getName() + " must be " + expected(ex.getRequiredType()) + ", not '" + ex.getValue() + "'"));
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return "a whole number";
		}
		if (type == Instant.class) {
			return "an ISO-8601 instant such as 2026-11-23T09:00:00Z";
		}
		return "a valid value";
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return new ResponseEntity<>(Problems.of(HttpStatus.NOT_FOUND, "not-found", "There is nothing at this address"),
				HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(Exception ex) {
		if (DatabaseOutage.causes(ex)) {
			logger.warn("The database is unavailable: {}: {}", ex.getClass().getName(), ex.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "2")
				.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
						"The database is unavailable; nothing was stored. Try again shortly"));
		}
		logger.error("Unexpected error", ex);
		return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Something went wrong on the server; nothing was stored"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((FieldError error) -> Map.of("field", error.getField(), "message",
					String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
				errors.stream()
					.map((error) -> error.get("field") + " " + error.get("message"))
					.reduce((a, b) -> a + "; " + b)
					.orElse("The request is invalid"));
		problem.setProperty("errors", errors);
		return new ResponseEntity<>(problem, HttpStatus.BAD_REQUEST);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLarge) {
				return new ResponseEntity<>(
						Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", cause.getMessage()),
						HttpStatus.PAYLOAD_TOO_LARGE);
			}
		}
		return new ResponseEntity<>(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", readable(ex)),
				HttpStatus.BAD_REQUEST);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			Problems.withCode(problem, codeFor(statusCode));
		}
		return response;
	}

	private static String readable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnrecognizedPropertyException unknown) {
				return "Unknown field '" + unknown.getPropertyName() + "'";
			}
			if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
				return "Field '" + path(invalid) + "' " + StorableText.PROBLEM;
			}
			if (cause instanceof InvalidFormatException invalid) {
				return "Field '" + path(invalid) + "' has an invalid value: " + invalid.getValue();
			}
			if (cause instanceof MismatchedInputException mismatched) {
				return mismatched.getPath().isEmpty() ? "The body must be a JSON object"
						: "Field '" + path(mismatched) + "' has the wrong type";
			}
		}
		if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			return "The request needs a JSON body";
		}
		return "The body is not valid JSON";
	}

	private static String path(MismatchedInputException ex) {
		return String.join(".",
				ex.getPath()
					.stream()
					.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
							: String.valueOf(reference.getIndex()))
					.toList());
	}

	private static String codeFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "malformed-request";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 503 -> "unavailable";
			default -> "error";
		};
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
