package dev.timeledger.ops;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of another JVM, through {@code jcmd}: in use after a collection
 * ({@code GC.heap_info}), and live objects by class ({@code GC.class_histogram}, a full
 * collection itself).
 */
final class HeapProbe {

	/**
	 * The whole heap's use in {@code GC.heap_info}: "garbage-first heap total 262144K,
	 * used 12345K" (G1), "ZHeap used 8M, capacity" (ZGC), "378M committed, 6144K used"
	 * (Shenandoah). Parallel and Serial list their generations instead and are not read.
	 */
	private static final Pattern HEAP_USED = Pattern
		.compile("heap\\s+total \\d+K, used (\\d+)([K])|ZHeap\\s+used (\\d+)([BKMG])|(\\d+)([BKMG]) used");

	private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

	private final long pid;

	private final Path scratch;

	private HeapProbe(long pid, Path scratch) {
		this.pid = pid;
		this.scratch = scratch;
	}

	/**
	 * @param pid the JVM
	 * @param scratch a directory for jcmd's output
	 */
	static Heap of(long pid, Path scratch) throws Exception {
		return new HeapProbe(pid, scratch).heap();
	}

	private Heap heap() throws Exception {
		jcmd("GC.run");
		long used = -1;
		Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (matcher.find()) {
			int group = (matcher.group(1) != null) ? 1 : (matcher.group(3) != null) ? 3 : 5;
			used = Long.parseLong(matcher.group(group)) << switch (matcher.group(group + 1)) {
				case "K" -> 10;
				case "M" -> 20;
				case "G" -> 30;
				default -> 0;
			};
		}
		Map<String, Long> byClass = new LinkedHashMap<>();
		for (String line : jcmd("GC.class_histogram").split("\n")) {
			Matcher row = HISTOGRAM_ROW.matcher(line);
			if (row.find()) {
				byClass.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
			}
		}
		return new Heap(used, byClass);
	}

	/** Runs a diagnostic command in the server JVM; at most two minutes. */
	private String jcmd(String what) throws Exception {
		Path out = Files.createTempFile(this.scratch, "jcmd", ".txt");
		Process jcmd = new ProcessBuilder(ServerProcess.javaTool("jcmd"), Long.toString(this.pid), what)
			.redirectErrorStream(true)
			.redirectOutput(out.toFile())
			.start();
		boolean finished = jcmd.waitFor(120, TimeUnit.SECONDS);
		if (!finished) {
			jcmd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		String text = Files.readString(out, StandardCharsets.UTF_8);
		Files.delete(out);
		if (!finished || jcmd.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + what + " failed: " + text);
		}
		return text;
	}

	/**
	 * The server's heap after a collection.
	 *
	 * @param used heap in use according to {@code GC.heap_info}, bytes
	 * @param byClass live bytes per class
	 */
	record Heap(long used, Map<String, Long> byClass) {

	}

}
