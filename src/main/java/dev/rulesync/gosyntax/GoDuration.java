package dev.rulesync.gosyntax;

import java.util.Map;

/**
 * Go's time.Duration: time.ParseDuration ({@code 1h30m}, {@code 1.5s}, {@code -300ms}, {@code 2µs}) and
 * Duration.String(). LogQL's duration label filters, unwrap conversions and offsets use this form.
 */
public final class GoDuration {

    private static final long SECOND = 1_000_000_000L;
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", 1000L, "\u00b5s", 1000L, "\u03bcs", 1000L, "ms", 1_000_000L,
            "s", SECOND, "m", 60 * SECOND, "h", 3600 * SECOND);
    private static final long TWO_63 = Long.MIN_VALUE; // 1<<63 as an unsigned value

    private GoDuration() {
    }

    /** time.ParseDuration: nanoseconds, or Go's error. */
    public static long parse(String orig) throws GoSyntaxException {
        String s = orig;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) return 0;
        if (s.isEmpty()) throw invalid(orig);
        long d = 0; // unsigned, as in Go
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!(c == '.' || isDigit(c))) throw invalid(orig);
            int start = i;
            long v = 0;
            for (; i < n && isDigit(s.charAt(i)); i++) {
                if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_63, 10)) > 0) throw invalid(orig);
                v = v * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(v, TWO_63) > 0) throw invalid(orig);
            }
            boolean pre = i != start;
            boolean post = false;
            long f = 0;
            double scale = 1;
            if (i < n && s.charAt(i) == '.') {
                i++;
                int fracStart = i;
                boolean overflow = false;
                for (; i < n && isDigit(s.charAt(i)); i++) {
                    if (overflow) continue;
                    if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
                        overflow = true;
                        continue;
                    }
                    long y = f * 10 + (s.charAt(i) - '0');
                    if (Long.compareUnsigned(y, TWO_63) > 0) {
                        overflow = true;
                        continue;
                    }
                    f = y;
                    scale *= 10;
                }
                post = i != fracStart;
            }
            if (!pre && !post) throw invalid(orig);
            int unitStart = i;
            while (i < n && s.charAt(i) != '.' && !isDigit(s.charAt(i))) i++;
            if (i == unitStart) throw new GoSyntaxException("time: missing unit in duration " + quote(orig));
            String u = s.substring(unitStart, i);
            Long unit = UNITS.get(u);
            if (unit == null) {
                throw new GoSyntaxException("time: unknown unit " + quote(u) + " in duration " + quote(orig));
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_63, unit)) > 0) throw invalid(orig);
            v *= unit;
            if (f != 0) {
                v += (long) (unsignedToDouble(f) * ((double) unit / scale));
                if (Long.compareUnsigned(v, TWO_63) > 0) throw invalid(orig);
            }
            d += v;
            if (Long.compareUnsigned(d, TWO_63) > 0) throw invalid(orig);
        }
        if (neg) return -d;
        if (d < 0) throw invalid(orig);
        return d;
    }

    private static GoSyntaxException invalid(String orig) {
        return new GoSyntaxException("time: invalid duration " + quote(orig));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v & Long.MAX_VALUE);
        return v < 0 ? d + 0x1.0p63 : d;
    }

    /** The time package's own quoting: bytes that are not printable ASCII as \xHH. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x80 || c < ' ') {
                for (byte x : GoStrconv.bytes(new String(Character.toChars(c)))) {
                    b.append(String.format("\\x%02x", x & 0xFF));
                }
            } else {
                if (c == '"' || c == '\\') b.append('\\');
                b.append((char) c);
            }
        }
        return b.append('"').toString();
    }

    /** Duration.String(): {@code 1h30m0s}, {@code 1.5s}, {@code 300ms}, {@code 2µs}, {@code 0s}. */
    public static String format(long d) {
        if (d == 0) return "0s";
        boolean neg = d < 0;
        long u = neg ? -d : d; // unsigned magnitude; -MIN stays MIN = 1<<63
        StringBuilder b = new StringBuilder();
        if (Long.compareUnsigned(u, SECOND) < 0) {
            int prec;
            String unit;
            if (u < 1000) {
                prec = 0;
                unit = "ns";
            } else if (u < 1_000_000) {
                prec = 3;
                unit = "\u00b5s";
            } else {
                prec = 6;
                unit = "ms";
            }
            b.append(Long.toUnsignedString(Long.divideUnsigned(u, pow10(prec))));
            b.append(fraction(Long.remainderUnsigned(u, pow10(prec)), prec)).append(unit);
        } else {
            String frac = fraction(Long.remainderUnsigned(u, SECOND), 9);
            long secs = Long.divideUnsigned(u, SECOND);
            b.append(secs % 60).append(frac).append('s');
            long mins = secs / 60;
            if (mins > 0) {
                b.insert(0, mins % 60 + "m");
                long hours = mins / 60;
                if (hours > 0) b.insert(0, hours + "h");
            }
        }
        return neg ? "-" + b : b.toString();
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }

    /** The fraction digits without trailing zeros, with their '.', or "" when there are none. */
    private static String fraction(long frac, int prec) {
        if (frac == 0) return "";
        StringBuilder digits = new StringBuilder(Long.toString(frac));
        while (digits.length() < prec) digits.insert(0, '0');
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') end--;
        return "." + digits.substring(0, end);
    }
}
