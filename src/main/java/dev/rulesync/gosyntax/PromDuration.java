package dev.rulesync.gosyntax;

/**
 * Prometheus' durations (prometheus/common model.Duration): {@code 1h30m}, {@code 90s}, {@code 1y}, {@code 0}.
 * Units y w d h m s ms, each at most once and largest first, integers only. Rule fields ({@code for},
 * {@code interval}, ...), PromQL ranges and offsets, and LogQL ranges are read this way by Mimir, Prometheus and Loki.
 */
public final class PromDuration {

    private static final long MS = 1_000_000L;
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_NANOS = {365L * 24 * 3600 * 1000 * MS, 7L * 24 * 3600 * 1000 * MS,
            24L * 3600 * 1000 * MS, 3600L * 1000 * MS, 60L * 1000 * MS, 1000 * MS, MS};

    private PromDuration() {
    }

    /** model.ParseDuration: the duration in nanoseconds, or Go's error. */
    public static long parse(String s) throws GoSyntaxException {
        if (s.equals("0")) return 0;
        if (s.isEmpty()) throw new GoSyntaxException("empty duration string");
        long total = 0;
        int lastUnit = -1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (!isDigit(s.charAt(i))) throw notValid(s);
            int digits = i;
            while (i < n && isDigit(s.charAt(i))) i++;
            long v;
            try {
                v = Long.parseUnsignedLong(s, digits, i, 10);
            } catch (NumberFormatException e) {
                throw notValid(s); // strconv.ParseUint failed: more than 64 bits
            }
            int unitStart = i;
            while (i < n && !isDigit(s.charAt(i))) i++;
            if (i == unitStart) throw notValid(s);
            String u = s.substring(unitStart, i);
            int unit = unitIndex(u);
            if (unit < 0) {
                throw new GoSyntaxException("unknown unit " + GoStrconv.quote(u) + " in duration " + GoStrconv.quote(s));
            }
            if (unit <= lastUnit) throw notValid(s);
            lastUnit = unit;
            if (Long.compareUnsigned(v, Long.divideUnsigned(Long.MIN_VALUE, UNIT_NANOS[unit])) > 0) {
                throw new GoSyntaxException("duration out of range");
            }
            total += v * UNIT_NANOS[unit];
            if (total < 0) throw new GoSyntaxException("duration out of range");
        }
        return total;
    }

    /** True when {@link #parse} accepts s. */
    public static boolean isValid(String s) {
        try {
            parse(s);
            return true;
        } catch (GoSyntaxException e) {
            return false;
        }
    }

    private static GoSyntaxException notValid(String s) {
        return new GoSyntaxException("not a valid duration string: " + GoStrconv.quote(s));
    }

    private static int unitIndex(String u) {
        return switch (u) {
            case "y" -> 0;
            case "w" -> 1;
            case "d" -> 2;
            case "h" -> 3;
            case "m" -> 4;
            case "s" -> 5;
            case "ms" -> 6;
            default -> -1;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * model.Duration.String(): largest units first, milliseconds precision, years and weeks only when they divide
     * exactly (90d stays 90d, not 12w6d), {@code 0s} for zero.
     */
    public static String format(long nanos) {
        long ms = nanos / MS;
        if (ms == 0) return "0s";
        StringBuilder b = new StringBuilder();
        if (ms < 0) {
            b.append('-');
            ms = -ms;
        }
        for (int i = 0; i < UNITS.length; i++) {
            long mult = UNIT_NANOS[i] / MS;
            if (i < 2 && ms % mult != 0) continue;
            long v = ms / mult;
            if (v > 0) {
                b.append(v).append(UNITS[i]);
                ms -= v * mult;
            }
        }
        return b.toString();
    }
}
