package dev.timeledger.web.report;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;

/**
 * Comma-separated values with a header row, as spreadsheets open them (RFC 4180). Cells
 * that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
public final class Csv {

	public static final String MEDIA_TYPE = "text/csv";

	public static final MediaType TYPE = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final StringBuilder text = new StringBuilder();

	public Csv(String... header) {
		row(List.of((Object[]) header));
	}

	public Csv row(List<?> cells) {
		this.text.append(cells.stream().map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
		return this;
	}

	public Csv row(Object... cells) {
		return row(java.util.Arrays.asList(cells));
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
