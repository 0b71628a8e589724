package dev.rulesync.cli;

/**
 * Where a command's time goes, printed to stderr when the environment variable {@code RULESYNC_TIMINGS} is set:
 * one line per phase with the wall time since the previous mark and since the JVM started, and the CPU time of the
 * whole process so far (all threads: JIT, GC, HTTP event loops), which is the steadier figure on a busy machine.
 * For performance work (docs/sync.md and docs/lint.md, "Performance"); silent otherwise.
 */
final class Timings {

    private static final boolean ON = System.getenv("RULESYNC_TIMINGS") != null;
    private static long last = -1;

    private Timings() {
    }

    static synchronized void mark(String phase) {
        if (!ON) return;
        long now = System.currentTimeMillis();
        // the process's start from the OS, not the RuntimeMXBean: JMX would load hundreds of classes into the
        // start-up being measured
        long start = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(now);
        if (last < 0) last = start;
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        System.err.printf("timing %-14s +%5d ms  (at %5d ms since JVM start, process CPU %5d ms)%n", phase,
                now - last, now - start, cpu);
        last = now;
    }
}
