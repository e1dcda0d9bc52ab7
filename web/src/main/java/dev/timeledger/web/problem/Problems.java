package dev.timeledger.web.problem;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem+json answers of API.md "Errors": RFC 9457 fields plus a stable
 * {@code code}. The {@code type} is {@code urn:timeledger:problem:<code>}.
 */
public final class Problems {

	private static final String TYPE_PREFIX = "urn:timeledger:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		return withCode(problem, code);
	}

	/** Gives a problem the type, title and code that belong to {@code code}. */
	public static ProblemDetail withCode(ProblemDetail problem, String code) {
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(title(code));
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * Writes a problem outside Spring MVC, from a filter or a security handler, with the
	 * request's path as its {@code instance}.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
			String code, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(status.value(), code, detail, request.getRequestURI()));
	}

	static String json(int status, String code, String detail, String instance) {
		return "{\"type\":\"" + TYPE_PREFIX + code + "\",\"title\":\"" + title(code) + "\",\"status\":" + status
				+ ",\"detail\":\"" + escape(detail) + "\""
				+ ((instance != null) ? ",\"instance\":\"" + escape(instance) + "\"" : "") + ",\"code\":\"" + code
				+ "\"}";
	}

	/** {@code timer-already-running} becomes "Timer already running". */
	static String title(String code) {
		String words = code.replace('-', ' ');
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
