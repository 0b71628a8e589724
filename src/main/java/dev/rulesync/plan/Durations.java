package dev.rulesync.plan;

import dev.rulesync.gosyntax.GoSyntaxException;
import dev.rulesync.gosyntax.PromDuration;

import java.util.Objects;

/**
 * Durations compared by value, so that {@code 1m}, {@code 60s} and Go's {@code 1m0s} are equal. Text that is not a
 * Prometheus duration compares as its trimmed self: the planner must never call two different things equal.
 */
final class Durations {

    private Durations() {
    }

    /**
     * A comparable key for a duration: its length in nanoseconds, or the trimmed text when it does not parse. With
     * {@code zeroIsAbsent}, zero and absent (null or blank) give the same key, for fields where the ruler treats
     * {@code 0s} as "not set" ({@code for}, {@code keep_firing_for}, {@code interval}).
     */
    static Object key(String text, boolean zeroIsAbsent) {
        if (text == null || text.isBlank()) return zeroIsAbsent ? (Object) 0L : null;
        String t = text.trim();
        try {
            return PromDuration.parse(t);
        } catch (GoSyntaxException e) {
            return t;
        }
    }

    static boolean equal(String a, String b, boolean zeroIsAbsent) {
        return Objects.equals(key(a, zeroIsAbsent), key(b, zeroIsAbsent));
    }
}
