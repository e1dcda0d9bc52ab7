package dev.timeledger.ops;

import java.util.Locale;

/**
 * Repeats a round of load until the server's JIT compilers are done with it: on two cores
 * they compile for minutes, and what they spend during a measured phase would count
 * against the commands measured and stretch their latency.
 */
final class Warmup {

	/**
	 * Settled: the compilers used less than this share of the server's CPU in a round.
	 */
	private static final double SETTLED = 0.05;

	/**
	 * Settled rounds in a row that end the warm-up: C2 compiles in waves, and one quiet
	 * round was followed by a wave of recompilation more than once.
	 */
	private static final int SETTLED_ROUNDS = 2;

	private Warmup() {
	}

	/**
	 * Runs rounds until {@link #SETTLED_ROUNDS} in a row end settled, at most
	 * {@code -Dwarmup.rounds} of them (default {@code rounds}), printing each round's
	 * figures.
	 */
	static void untilCompiled(ServerProcess server, int rounds, Round round) throws Exception {
		int most = Integer.getInteger("warmup.rounds", rounds);
		int settled = 0;
		for (int r = 1; r <= most; r++) {
			CpuUse cpu = CpuUse.start(server.pid(), server.postgres());
			long started = System.nanoTime();
			int commands = round.run();
			double seconds = (System.nanoTime() - started) / 1e9;
			double jit = cpu.serverByKind().getOrDefault(CpuUse.JIT, 0.0);
			double serverSeconds = cpu.serverCoreSeconds();
			System.out.printf(Locale.ROOT,
					"warm-up round %d: %.0f commands/s; server JVM %.2f ms per command, of which the JIT compilers"
							+ " %.2f ms%n",
					r, commands / seconds, serverSeconds * 1000 / commands, jit * 1000 / commands);
			settled = (jit < SETTLED * serverSeconds) ? settled + 1 : 0;
			if (settled == SETTLED_ROUNDS) {
				return;
			}
		}
		System.out.printf("warm-up: the JIT compilers were still busy after %d rounds%n", most);
	}

	/** One round of load. */
	@FunctionalInterface
	interface Round {

		/**
		 * @return the commands it sent
		 */
		int run() throws Exception;

	}

}
