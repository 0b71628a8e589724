package dev.rulesync.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus duration strings compared by value, so that {@code 1m}, {@code 60s} and Go's {@code 1m0s} are equal.
 * Text that is not a duration compares as its trimmed self: the planner must never call two different things equal.
 */
final class Durations {

    // Prometheus' units (y w d h m s ms) in their fixed order, each at most once; also accepts Go's "1h0m0s".
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {
            365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L};

    private Durations() {
    }

    /**
     * A comparable key for a duration: its length in milliseconds, or the trimmed text when it does not parse.
     * With {@code zeroIsAbsent}, zero and absent (null or blank) give the same key, for fields where the ruler
     * treats {@code 0s} as "not set" ({@code for}, {@code keep_firing_for}, {@code interval}).
     */
    static Object key(String text, boolean zeroIsAbsent) {
        if (text == null || text.isBlank()) return zeroIsAbsent ? (Object) 0L : null;
        String t = text.trim();
        if (t.equals("0")) return 0L;
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) return t;
        long millis = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            String n = m.group(i + 1);
            if (n == null) continue;
            try {
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(n), UNIT_MILLIS[i]));
            } catch (ArithmeticException | NumberFormatException e) {
                return t;
            }
        }
        return millis;
    }

    static boolean equal(String a, String b, boolean zeroIsAbsent) {
        return java.util.Objects.equals(key(a, zeroIsAbsent), key(b, zeroIsAbsent));
    }
}
