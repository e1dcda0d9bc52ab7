package dev.timeledger.web.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.project.ChangeProject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The bodies of the project writes. */
final class ProjectRequests {

	private static final Set<String> CHANGEABLE = Set.of("name", "client", "billable", "archived", "hourlyRate");

	private ProjectRequests() {
	}

	/**
	 * {@code POST /api/projects}.
	 *
	 * @param name the name
	 * @param client the client, optional
	 * @param billable billable by default, true when absent
	 * @param hourlyRate the rate, optional
	 */
	record Create(@NotBlank String name, String client, Boolean billable, @Valid Rate hourlyRate) {
	}

	/**
	 * An hourly rate.
	 *
	 * @param amount per hour
	 * @param currency ISO 4217 code
	 */
	record Rate(@NotNull BigDecimal amount, @NotBlank String currency) {
	}

	/**
	 * Reads a {@code PATCH /api/projects/{id}} body: a JSON object whose members are the
	 * attributes to change; {@code "client": null} and {@code "hourlyRate": null} remove
	 * them.
	 */
	static ChangeProject change(String projectId, dev.timeledger.command.Actor actor, JsonNode body) {
		if (body == null || !body.isObject() || body.isEmpty()) {
			throw new InvalidInput("the body must be a JSON object with at least one of " + CHANGEABLE);
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
			String field = fields.next().getKey();
			if (!CHANGEABLE.contains(field)) {
				throw new InvalidInput("unknown field '" + field + "'");
			}
		}
		return new ChangeProject(projectId, actor, text(body, "name"), text(body, "client"), body.has("client"),
				bool(body, "billable"), bool(body, "archived"), rate(body.get("hourlyRate")));
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw new InvalidInput(field + " must be a string");
		}
		return value.asText();
	}

	private static Boolean bool(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw new InvalidInput(field + " must be true or false");
		}
		return value.asBoolean();
	}

	private static ChangeProject.RateChange rate(JsonNode rate) {
		if (rate == null) {
			return null;
		}
		if (rate.isNull()) {
			return new ChangeProject.RateChange(null, null, null);
		}
		if (!rate.isObject() || !rate.path("amount").isNumber()) {
			throw new InvalidInput("hourlyRate must be null or {\"amount\": number, \"currency\": \"EUR\"}");
		}
		Instant effectiveFrom = null;
		if (rate.hasNonNull("effectiveFrom")) {
			try {
				effectiveFrom = Instant.parse(rate.get("effectiveFrom").asText());
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new InvalidInput("hourlyRate.effectiveFrom must be an ISO-8601 instant");
			}
		}
		return new ChangeProject.RateChange(rate.get("amount").decimalValue(), text(rate, "currency"), effectiveFrom);
	}

}
