package dev.timeledger.web.problem;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Text that PostgreSQL can store: no U+0000 and no half of a surrogate pair. Other text
 * would fail in the database (a 500) or be stored changed (a {@code ?}), so request
 * bodies and parameters holding it are refused with 400.
 */
public final class StorableText {

	static final String PROBLEM = "holds a character that cannot be stored (U+0000 or half of a surrogate pair)";

	private StorableText() {
	}

	public static boolean is(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0 || Character.isLowSurrogate(c)) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
		}
		return true;
	}

	/** Reads JSON strings of request bodies, refusing those that cannot be stored. */
	static final class Deserializer extends StdScalarDeserializer<String> {

		Deserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = StringDeserializer.instance.deserialize(parser, context);
			if (text != null && !is(text)) {
				throw InvalidFormatException.from(parser, PROBLEM, text, String.class);
			}
			return text;
		}

	}

}
