package dev.rulesync.validate.logql;

import dev.rulesync.gosyntax.GoDuration;
import dev.rulesync.gosyntax.GoStrconv;
import dev.rulesync.gosyntax.GoSyntaxException;
import dev.rulesync.gosyntax.PromDuration;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * What Loki adds to Go's syntaxes for LogQL literals: durations read as Prometheus' form, else Go's; byte sizes as
 * go-humanize reads and prints them; text/scanner's rule for '_' in numbers. Go's own functions are in
 * {@link dev.rulesync.gosyntax}.
 */
final class LokiLiterals {

    private LokiLiterals() {
    }

    /** Loki's parseDuration: Prometheus' form first, then Go's. */
    static long parseLokiDuration(String s) throws GoSyntaxException {
        try {
            return PromDuration.parse(s);
        } catch (GoSyntaxException e) {
            return GoDuration.parse(s);
        }
    }

    private static final Map<String, Long> BYTE_UNITS = Map.ofEntries(
            Map.entry("b", 1L), Map.entry("", 1L),
            Map.entry("kib", 1L << 10), Map.entry("ki", 1L << 10), Map.entry("kb", 1000L), Map.entry("k", 1000L),
            Map.entry("mib", 1L << 20), Map.entry("mi", 1L << 20), Map.entry("mb", 1000_000L), Map.entry("m", 1000_000L),
            Map.entry("gib", 1L << 30), Map.entry("gi", 1L << 30), Map.entry("gb", 1000_000_000L),
            Map.entry("g", 1000_000_000L),
            Map.entry("tib", 1L << 40), Map.entry("ti", 1L << 40), Map.entry("tb", 1000_000_000_000L),
            Map.entry("t", 1000_000_000_000L),
            Map.entry("pib", 1L << 50), Map.entry("pi", 1L << 50), Map.entry("pb", 1000_000_000_000_000L),
            Map.entry("p", 1000_000_000_000_000L),
            Map.entry("eib", 1L << 60), Map.entry("ei", 1L << 60), Map.entry("eb", 1000_000_000_000_000_000L),
            Map.entry("e", 1000_000_000_000_000_000L));

    /** go-humanize ParseBytes, as an unsigned 64-bit value. */
    static long parseBytes(String s) throws GoSyntaxException {
        int last = 0;
        boolean comma = false;
        while (last < s.length()) {
            int c = s.codePointAt(last);
            if (!(Character.isDigit(c) || c == '.' || c == ',')) break;
            if (c == ',') comma = true;
            last += Character.charCount(c);
        }
        String num = s.substring(0, last);
        if (comma) num = num.replace(",", "");
        double f = GoStrconv.parseFloat(num);
        String extra = s.substring(last).strip().toLowerCase(Locale.ROOT);
        Long m = BYTE_UNITS.get(extra);
        if (m == null) throw new GoSyntaxException("unhandled size name: " + extra);
        f *= m;
        if (f >= 18446744073709551615.0) throw new GoSyntaxException("too large: " + s);
        return new BigDecimal(f).toBigInteger().longValue();
    }

    /** go-humanize Bytes (SI units, one decimal below 10), spaces removed as Loki prints it. */
    static String humanizeBytes(long v) {
        double s = unsignedToDouble(v);
        if (Long.compareUnsigned(v, 10) < 0) return v + "B";
        String[] sizes = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        double e = Math.floor(Math.log(s) / Math.log(1000));
        String suffix = sizes[(int) e];
        double val = Math.floor(s / Math.pow(1000, e) * 10 + 0.5) / 10;
        String f = GoStrconv.formatFloat(val, val < 10 ? 1 : 0);
        return f + suffix;
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v & 0x7fffffffffffffffL);
        if (v < 0) d += 0x1.0p63;
        return d;
    }

    /** text/scanner's check that '_' only separates digits; the index of the first bad '_' or -1. */
    static int invalidSeparator(String x) {
        char x1 = ' ';
        char d = '.';
        int i = 0;
        if (x.length() >= 2 && x.charAt(0) == '0') {
            x1 = Character.toLowerCase(x.charAt(1));
            if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
                d = '0';
                i = 2;
            }
        }
        for (; i < x.length(); i++) {
            char p = d;
            d = x.charAt(i);
            if (d == '_') {
                if (p != '0') return i;
            } else if (isAsciiDigit(d) || x1 == 'x' && isHexDigit(d)) {
                d = '0';
            } else {
                if (p == '_') return i - 1;
                d = '.';
            }
        }
        if (d == '_') return x.length() - 1;
        return -1;
    }

    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(int c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
