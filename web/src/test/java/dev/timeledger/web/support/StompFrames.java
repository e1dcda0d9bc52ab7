package dev.timeledger.web.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * STOMP 1.2 frames as text, for the hand-written clients of the tests and benchmarks:
 * {@code COMMAND}, header lines, a blank line, the body and a NUL byte. A frame that is
 * only end-of-line characters is a heart-beat.
 */
public final class StompFrames {

	private StompFrames() {
	}

	/** A body-less frame with the given {@code name:value} header lines. */
	public static String frame(String command, String... headers) {
		StringBuilder frame = new StringBuilder(command).append('\n');
		for (String header : headers) {
			frame.append(header).append('\n');
		}
		return frame.append('\n').append('\u0000').toString();
	}

	public static String connect(String token, String heartBeat) {
		return frame("CONNECT", "accept-version:1.2", "host:127.0.0.1", "heart-beat:" + heartBeat,
				"Authorization:Bearer " + token);
	}

	/**
	 * A {@code SUBSCRIBE}; more headers such as {@code since:42} after the destination.
	 */
	public static String subscribe(String id, String destination, String... more) {
		String[] headers = new String[2 + more.length];
		headers[0] = "id:" + id;
		headers[1] = "destination:" + destination;
		System.arraycopy(more, 0, headers, 2, more.length);
		return frame("SUBSCRIBE", headers);
	}

	/**
	 * Parses one frame; null for a heart-beat. Headers keep their first occurrence (STOMP
	 * 1.2); values are unescaped.
	 */
	public static Frame parse(CharSequence text) {
		int length = text.length();
		int start = 0;
		while (start < length && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
			start++;
		}
		if (start >= length || text.charAt(start) == '\u0000') {
			return null;
		}
		int lineEnd = indexOf(text, '\n', start);
		if (lineEnd < 0) {
			return new Frame(trimCr(text, start, length), Map.of(), "");
		}
		String command = trimCr(text, start, lineEnd);
		Map<String, String> headers = new LinkedHashMap<>();
		int position = lineEnd + 1;
		while (position < length) {
			int end = indexOf(text, '\n', position);
			if (end < 0) {
				end = length;
			}
			String line = trimCr(text, position, end);
			position = end + 1;
			if (line.isEmpty()) {
				break;
			}
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(line.substring(0, colon), unescape(line.substring(colon + 1)));
			}
		}
		int bodyEnd = length;
		while (bodyEnd > position && (text.charAt(bodyEnd - 1) == '\u0000' || text.charAt(bodyEnd - 1) == '\n')) {
			bodyEnd--;
		}
		String body = (position < bodyEnd) ? text.subSequence(position, bodyEnd).toString() : "";
		return new Frame(command, headers, body);
	}

	/** The string value of a top-level JSON member such as {@code "type"}, or null. */
	public static String jsonString(String json, String member) {
		String key = "\"" + member + "\":\"";
		int at = json.indexOf(key);
		if (at < 0) {
			return null;
		}
		int from = at + key.length();
		int to = json.indexOf('"', from);
		return (to < 0) ? null : json.substring(from, to);
	}

	private static int indexOf(CharSequence text, char c, int from) {
		for (int i = from; i < text.length(); i++) {
			if (text.charAt(i) == c) {
				return i;
			}
		}
		return -1;
	}

	private static String trimCr(CharSequence text, int from, int to) {
		if (to > from && text.charAt(to - 1) == '\r') {
			to--;
		}
		return text.subSequence(from, to).toString();
	}

	private static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			return value;
		}
		return value.replace("\\c", ":").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\");
	}

	/**
	 * One received frame.
	 *
	 * @param command the command
	 * @param headers the headers, first value of each, unescaped
	 * @param body the body without the NUL octet
	 */
	public record Frame(String command, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name);
		}

		/** The {@code message} header of an {@code ERROR}, empty when there is none. */
		public String message() {
			return this.headers.getOrDefault("message", "");
		}

	}

}
