package dev.rulesync.validate;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus durations as the PrometheusRule CRD and Prometheus' model.ParseDuration accept them. */
public final class Durations {

    /** The CRD's pattern: units in descending order, each at most once, or a bare 0. */
    public static final Pattern PATTERN = Pattern.compile(
            "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$");

    private Durations() {
    }

    // nanoseconds per unit, in the order of the pattern's groups: y w d h m s ms
    private static final long[] UNIT_NANOS = {365L * 86_400_000_000_000L, 7L * 86_400_000_000_000L,
            86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * True for a valid, non-empty duration that fits Go's time.Duration (about 292 years), as Prometheus'
     * model.ParseDuration requires: the rulers answer 400 "duration out of range" to more. (The CRD pattern also
     * matches "", which Prometheus rejects.)
     */
    public static boolean isValid(String d) {
        if (d == null || d.isEmpty()) return false;
        Matcher m = PATTERN.matcher(d);
        if (!m.matches()) return false;
        BigInteger total = BigInteger.ZERO;
        for (int unit = 0; unit < UNIT_NANOS.length; unit++) {
            String digits = m.group(3 + 2 * unit);
            if (digits != null) total = total.add(new BigInteger(digits).multiply(BigInteger.valueOf(UNIT_NANOS[unit])));
        }
        return total.compareTo(MAX_NANOS) <= 0;
    }

    /** True for a valid duration of length zero ({@code 0}, {@code 0s}, {@code 0h0m}). */
    public static boolean isZero(String d) {
        return isValid(d) && d.chars().filter(Character::isDigit).allMatch(c -> c == '0');
    }
}
