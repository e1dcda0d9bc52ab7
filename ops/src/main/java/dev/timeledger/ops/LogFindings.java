package dev.timeledger.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a server log says went wrong, for a benchmark's output. */
final class LogFindings {

	private LogFindings() {
	}

	/**
	 * The ERROR, WARN and exception lines among some log lines, alike ones (same text but
	 * for time stamps, ids and hashes) counted together.
	 */
	static List<String> of(String title, List<String> lines, int limit) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, String> examples = new LinkedHashMap<>();
		for (String line : lines) {
			boolean stackFrame = line.startsWith("\tat ") || line.trim().startsWith("... ");
			if (!stackFrame && (line.contains("ERROR") || line.contains("WARN") || line.contains("Exception")
					|| line.contains("Error:"))) {
				String key = line.replaceFirst("^\\S+\\s+", "")
					.replaceAll("\\[[0-9a-f-]{36}\\]|[@#][0-9a-f]+|\\d+", "#");
				counts.merge(key, 1, Integer::sum);
				examples.putIfAbsent(key, (line.length() > 300) ? line.substring(0, 300) + "..." : line);
			}
		}
		List<String> findings = new ArrayList<>();
		findings.add(title + ": " + counts.values().stream().mapToInt(Integer::intValue).sum()
				+ " ERROR/WARN/exception lines" + (counts.isEmpty() ? "" : ", by kind:"));
		counts.entrySet()
			.stream()
			.limit(limit)
			.forEach((e) -> findings.add("  " + e.getValue() + " x " + examples.get(e.getKey())));
		return findings;
	}

}
