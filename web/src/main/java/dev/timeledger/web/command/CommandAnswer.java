package dev.timeledger.web.command;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The answer to a write, before it gets its position: a status, the body's fields and
 * possibly a Location.
 *
 * @param status the HTTP status
 * @param fields the body's fields, in order; empty for 204
 * @param location the Location header, may be null
 */
public record CommandAnswer(HttpStatus status, Map<String, Object> fields, String location) {

	public static CommandAnswer ok(Map<String, Object> fields) {
		return new CommandAnswer(HttpStatus.OK, fields, null);
	}

	public static CommandAnswer created(String location, Map<String, Object> fields) {
		return new CommandAnswer(HttpStatus.CREATED, fields, location);
	}

	public static CommandAnswer noContent() {
		return new CommandAnswer(HttpStatus.NO_CONTENT, Map.of(), null);
	}

	/** The body with the position added, or null for a body-less answer. */
	Map<String, Object> body(long position) {
		if (this.status == HttpStatus.NO_CONTENT) {
			return null;
		}
		Map<String, Object> body = new LinkedHashMap<>(this.fields);
		body.put("position", position);
		return body;
	}

}
