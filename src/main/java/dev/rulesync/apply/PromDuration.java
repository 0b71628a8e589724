package dev.rulesync.apply;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus duration strings ({@code 1h30m}, {@code 90s}, {@code 0}) as the rulers parse and print them.
 * Rulers store durations as numbers and print them in one canonical form ({@code 90s} comes back as {@code 1m30s},
 * {@code 0s} is left out), so desired groups must be brought into that form before comparing, or drift never settles.
 */
public final class PromDuration {

    private static final Pattern SYNTAX = Pattern.compile(
            "^(?:0|(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?)$");
    private static final long[] UNIT_MS = {
            365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L};
    private static final String[] UNIT = {"y", "w", "d", "h", "m", "s", "ms"};

    private PromDuration() {
    }

    /** Parses a Prometheus duration; throws {@link IllegalArgumentException} naming the text when it is not one. */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : SYNTAX.matcher(text);
        if (m == null || text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
        }
        long ms = 0;
        try {
            for (int i = 0; i < UNIT_MS.length; i++) {
                String n = m.group(i + 1);
                if (n != null) ms = Math.addExact(ms, Math.multiplyExact(Long.parseLong(n), UNIT_MS[i]));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration out of range: \"" + text + "\"");
        }
        return Duration.ofMillis(ms);
    }

    /**
     * Prints like Prometheus: largest units first, years and weeks only when they divide exactly (90d stays 90d,
     * not 12w6d), {@code 0s} for zero.
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) return "0s";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNIT_MS.length; i++) {
            boolean exactOnly = i < 2;
            if (exactOnly && ms % UNIT_MS[i] != 0) continue;
            long v = ms / UNIT_MS[i];
            if (v > 0) {
                out.append(v).append(UNIT[i]);
                ms -= v * UNIT_MS[i];
            }
        }
        return out.toString();
    }

    /**
     * The form a ruler gives back: canonical text, or null for absent and zero durations (rulers omit them).
     * Text that does not parse is returned unchanged, so the ruler's own error reaches the user.
     */
    public static String stored(String text) {
        if (text == null) return null;
        try {
            Duration d = parse(text);
            return d.isZero() ? null : format(d);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
