package dev.rulesync.cli;

import java.lang.management.ManagementFactory;

/**
 * Where a command's time goes, printed to stderr when the environment variable {@code RULESYNC_TIMINGS} is set:
 * one line per phase with the wall time since the JVM started and since the previous mark. For performance work
 * (docs/sync.md, "Performance"); silent otherwise.
 */
final class Timings {

    private static final boolean ON = System.getenv("RULESYNC_TIMINGS") != null;
    private static long last = -1;

    private Timings() {
    }

    static synchronized void mark(String phase) {
        if (!ON) return;
        long now = System.currentTimeMillis();
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (last < 0) last = start;
        System.err.printf("timing %-14s +%5d ms  (at %5d ms since JVM start)%n", phase, now - last, now - start);
        last = now;
    }
}
