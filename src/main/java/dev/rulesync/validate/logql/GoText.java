package dev.rulesync.validate.logql;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The few Go library behaviours LogQL's text depends on: how Go, Prometheus and go-humanize read durations, byte
 * sizes, numbers and quoted strings, and how Go prints them back. Loki's verdicts and its String() form follow these
 * rules, so ours must too. Written from the documented behaviour of those functions.
 */
final class GoText {

    private GoText() {
    }

    /** A text that is not valid for the Go function being mirrored; the message is Go's. */
    static final class GoSyntaxException extends Exception {
        GoSyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    private static final long MS = 1_000_000L;
    private static final Map<String, long[]> PROM_UNITS = Map.of(
            // unit -> {position (biggest first), nanoseconds}
            "y", new long[] {1, 365L * 24 * 3600 * 1000 * MS},
            "w", new long[] {2, 7L * 24 * 3600 * 1000 * MS},
            "d", new long[] {3, 24L * 3600 * 1000 * MS},
            "h", new long[] {4, 3600L * 1000 * MS},
            "m", new long[] {5, 60L * 1000 * MS},
            "s", new long[] {6, 1000L * MS},
            "ms", new long[] {7, MS});

    /** Prometheus' model.ParseDuration: units y w d h m s ms, biggest first, integers only; "0" allowed. */
    static long parsePromDuration(String s) throws GoSyntaxException {
        if (s.equals("0")) return 0;
        if (s.isEmpty()) throw new GoSyntaxException("empty duration string");
        String orig = s;
        long dur = 0;
        long lastPos = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (!isAsciiDigit(s.charAt(i))) throw notValid(orig);
            int j = i;
            while (j < n && isAsciiDigit(s.charAt(j))) j++;
            long v;
            try {
                v = Long.parseUnsignedLong(s.substring(i, j));
            } catch (NumberFormatException e) {
                throw notValid(orig);
            }
            int k = j;
            while (k < n && !isAsciiDigit(s.charAt(k))) k++;
            if (k == j) throw notValid(orig);
            String u = s.substring(j, k);
            long[] unit = PROM_UNITS.get(u);
            if (unit == null) {
                throw new GoSyntaxException("unknown unit " + quote(u) + " in duration " + quote(orig));
            }
            if (unit[0] <= lastPos) throw notValid(orig);
            lastPos = unit[0];
            if (Long.compareUnsigned(v, Long.divideUnsigned(1L << 63, unit[1])) > 0) {
                throw new GoSyntaxException("duration out of range");
            }
            dur += v * unit[1];
            if (dur < 0) throw new GoSyntaxException("duration out of range");
            i = k;
        }
        return dur;
    }

    private static GoSyntaxException notValid(String orig) {
        return new GoSyntaxException("not a valid duration string: " + quote(orig));
    }

    private static final Map<String, Long> GO_UNITS = Map.of(
            "ns", 1L, "us", 1000L, "\u00b5s", 1000L, "\u03bcs", 1000L, "ms", MS,
            "s", 1000 * MS, "m", 60 * 1000 * MS, "h", 3600 * 1000 * MS);

    /** Go's time.ParseDuration: optional sign, decimal fractions, units ns us µs ms s m h. */
    static long parseGoDuration(String orig) throws GoSyntaxException {
        String s = orig;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) return 0;
        GoSyntaxException invalid = new GoSyntaxException("time: invalid duration " + quote(orig));
        if (s.isEmpty()) throw invalid;
        // Unsigned arithmetic on 64 bits as Go does.
        long d = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!(c == '.' || isAsciiDigit(c))) throw invalid;
            int start = i;
            long v = 0;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                if (Long.compareUnsigned(v, (1L << 63) / 10) > 0) throw invalid;
                v = v * 10 + (s.charAt(i) - '0');
                if (v < 0) throw invalid;
                i++;
            }
            boolean pre = i != start;
            boolean post = false;
            long f = 0;
            double scale = 1;
            if (i < n && s.charAt(i) == '.') {
                i++;
                int fs = i;
                boolean overflow = false;
                while (i < n && isAsciiDigit(s.charAt(i))) {
                    if (!overflow) {
                        if (Long.compareUnsigned(f, (1L << 63 - 1) / 10) > 0) {
                            overflow = true;
                        } else {
                            long y = f * 10 + (s.charAt(i) - '0');
                            if (y < 0) {
                                overflow = true;
                            } else {
                                f = y;
                                scale *= 10;
                            }
                        }
                    }
                    i++;
                }
                post = i != fs;
            }
            if (!pre && !post) throw invalid;
            int us = i;
            while (i < n && s.charAt(i) != '.' && !isAsciiDigit(s.charAt(i))) i++;
            if (i == us) throw new GoSyntaxException("time: missing unit in duration " + quote(orig));
            String u = s.substring(us, i);
            Long unit = GO_UNITS.get(u);
            if (unit == null) {
                throw new GoSyntaxException("time: unknown unit " + quote(u) + " in duration " + quote(orig));
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(1L << 63, unit)) > 0) throw invalid;
            v *= unit;
            if (f > 0) {
                v += (long) ((double) f * ((double) unit / scale));
                if (Long.compareUnsigned(v, 1L << 63) > 0) throw invalid;
            }
            d += v;
            if (Long.compareUnsigned(d, 1L << 63) > 0) throw invalid;
        }
        if (neg) return -d;
        if (d < 0) throw invalid;
        return d;
    }

    /** Loki's parseDuration: Prometheus' form first, then Go's. */
    static long parseLokiDuration(String s) throws GoSyntaxException {
        try {
            return parsePromDuration(s);
        } catch (GoSyntaxException e) {
            return parseGoDuration(s);
        }
    }

    /** Go's time.Duration.String(), e.g. 1h30m0s, 1.5s, 300ms, 0s. */
    static String goDurationString(long d) {
        if (d == 0) return "0s";
        boolean neg = d < 0;
        // Work on the unsigned magnitude.
        long u = neg ? -d : d;
        StringBuilder sb = new StringBuilder();
        if (Long.compareUnsigned(u, 1000L * MS) < 0) {
            // Sub-second: use smaller units.
            int prec;
            String unit;
            if (u < 1000) {
                return (neg ? "-" : "") + u + "ns";
            } else if (u < MS) {
                prec = 3;
                unit = "\u00b5s";
            } else {
                prec = 6;
                unit = "ms";
            }
            sb.append(fmtFrac(u, prec)).append(unit);
        } else {
            long secsFrac = Long.remainderUnsigned(u, 1_000_000_000L);
            long secs = Long.divideUnsigned(u, 1_000_000_000L);
            String frac = fracDigits(secsFrac, 9);
            long s = secs % 60;
            long mins = secs / 60;
            sb.append(s).append(frac).append('s');
            if (mins > 0) {
                long m = mins % 60;
                long h = mins / 60;
                sb.insert(0, m + "m");
                if (h > 0) sb.insert(0, h + "h");
            }
        }
        return (neg ? "-" : "") + sb;
    }

    private static String fmtFrac(long v, int prec) {
        long pow = 1;
        for (int i = 0; i < prec; i++) pow *= 10;
        return (v / pow) + fracDigits(v % pow, prec);
    }

    private static String fracDigits(long frac, int prec) {
        if (frac == 0) return "";
        String digits = String.format(Locale.ROOT, "%0" + prec + "d", frac);
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') end--;
        return "." + digits.substring(0, end);
    }

    /** Prometheus' model.Duration.String(): 1d, 5m, 1h30m, 0s; milliseconds precision. */
    static String promDurationString(long nanos) {
        long ms = nanos / MS;
        if (ms == 0) return "0s";
        String sign = "";
        if (ms < 0) {
            sign = "-";
            ms = -ms;
        }
        StringBuilder r = new StringBuilder();
        long[] mults = {1000L * 60 * 60 * 24 * 365, 1000L * 60 * 60 * 24 * 7, 1000L * 60 * 60 * 24,
                1000L * 60 * 60, 1000L * 60, 1000L, 1L};
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        boolean[] exact = {false, true, false, false, false, false, false};
        for (int i = 0; i < mults.length; i++) {
            if (exact[i] && ms % mults[i] != 0) continue;
            long v = ms / mults[i];
            if (v > 0) {
                r.append(v).append(units[i]);
                ms -= v * mults[i];
            }
        }
        return sign + r;
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
        double f = parseGoFloat(num);
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
        String f = val < 10 ? formatGoFloat(val, 1) : formatGoFloat(val, 0);
        return f + suffix;
    }

    private static String formatGoFloat(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v & 0x7fffffffffffffffL);
        if (v < 0) d += 0x1.0p63;
        return d;
    }

    private static final java.util.regex.Pattern HEX_FLOAT =
            java.util.regex.Pattern.compile("0x([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)p[+-]?[0-9]+");
    private static final java.util.regex.Pattern DECIMAL_FLOAT =
            java.util.regex.Pattern.compile("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?");
    private static final java.util.regex.Pattern DECIMAL_INT = java.util.regex.Pattern.compile("[+-]?[0-9]+");

    /** Go's strconv.ParseFloat(s, 64) for the forms LogQL numbers take; hexadecimal needs a p exponent. */
    static double parseGoFloat(String s) throws GoSyntaxException {
        GoSyntaxException syntax = new GoSyntaxException(
                "strconv.ParseFloat: parsing " + quote(s) + ": invalid syntax");
        if (s.isEmpty()) throw syntax;
        String body = s;
        int sign = 1;
        if (body.charAt(0) == '+' || body.charAt(0) == '-') {
            sign = body.charAt(0) == '-' ? -1 : 1;
            body = body.substring(1);
        }
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) return sign * Double.POSITIVE_INFINITY;
        if (lower.equals("nan")) return Double.NaN;
        boolean hex = lower.startsWith("0x");
        if (body.indexOf('_') >= 0) {
            // Underscores may only separate digits (a base prefix counts as a digit).
            if (!underscoreOK(lower)) throw syntax;
            body = body.replace("_", "");
            lower = lower.replace("_", "");
        }
        if (hex) {
            if (!HEX_FLOAT.matcher(lower).matches()) throw syntax;
            return sign * Double.parseDouble(body);
        }
        if (!DECIMAL_FLOAT.matcher(lower).matches()) throw syntax;
        double d = Double.parseDouble(body);
        if (Double.isInfinite(d)) {
            throw new GoSyntaxException("strconv.ParseFloat: parsing " + quote(s) + ": value out of range");
        }
        return sign * d;
    }

    /** strconv's underscoreOK for an unsigned, lower-case number. */
    private static boolean underscoreOK(String s) {
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'b' || s.charAt(1) == 'o' || s.charAt(1) == 'x')) {
            i = 2;
            saw = '0';
            hex = s.charAt(1) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isAsciiDigit(c) || hex && c >= 'a' && c <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') return false;
                saw = '_';
                continue;
            }
            if (saw == '_') return false;
            saw = '!';
        }
        return saw != '_';
    }

    /** Go's strconv.Atoi for decimal integers (optional sign, no underscores). */
    static long parseGoInt(String s) throws GoSyntaxException {
        if (!DECIMAL_INT.matcher(s).matches()) {
            throw new GoSyntaxException("strconv.Atoi: parsing " + quote(s) + ": invalid syntax");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new GoSyntaxException("strconv.Atoi: parsing " + quote(s) + ": value out of range");
        }
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

    /**
     * Go's fmt %v for a float64: the shortest representation, in exponent form when the exponent is below -4
     * or at least 21.
     */
    static String formatFloatV(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == 0) return (1 / v < 0) ? "-0" : "0";
        BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= 21) {
            String digits = bd.unscaledValue().abs().toString();
            StringBuilder sb = new StringBuilder();
            if (v < 0) sb.append('-');
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) sb.append('0');
            sb.append(ae);
            return sb.toString();
        }
        return bd.toPlainString();
    }

    /** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an exponent. */
    static String formatFloatF(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == 0) return (1 / v < 0) ? "-0" : "0";
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** Go's fmt %f: six decimals. */
    static String formatFloat6(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        return new BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Go's strconv.Quote: double quotes, Go escapes, printable Unicode kept. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 11 -> sb.append("\\v");
                default -> {
                    if (c == 0xFFFD || isGoPrintable(c)) {
                        sb.appendCodePoint(c);
                    } else if (c < ' ' || c == 0x7f) {
                        sb.append(String.format(Locale.ROOT, "\\x%02x", c));
                    } else if (c < 0x10000) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        sb.append(String.format(Locale.ROOT, "\\U%08x", c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean isGoPrintable(int c) {
        if (c < 0x20 || c == 0x7f) return false;
        if (c < 0x7f) return true;
        int t = Character.getType(c);
        return switch (t) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            case Character.SPACE_SEPARATOR -> c == ' ';
            default -> true;
        };
    }

    /**
     * Prometheus' strutil.Unquote for a complete string token: "..." or '...' with Go escapes, or `...` raw.
     * The only error is Go's "invalid syntax".
     */
    static String unquote(String s) throws GoSyntaxException {
        GoSyntaxException syntax = new GoSyntaxException("invalid syntax");
        int n = s.length();
        if (n < 2) throw syntax;
        char q = s.charAt(0);
        if (q != s.charAt(n - 1)) throw syntax;
        String body = s.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) throw syntax;
            return body;
        }
        if (q != '"' && q != '\'') throw syntax;
        if (body.indexOf('\n') >= 0) throw syntax;
        if (body.indexOf('\\') < 0 && body.indexOf(q) < 0) return body;
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            int c = body.codePointAt(i);
            if (c == q) throw syntax;
            if (c != '\\') {
                out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
                continue;
            }
            if (i + 1 >= body.length()) throw syntax;
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\' -> out.write('\\');
                case '\'', '"' -> {
                    if (e != q) throw syntax;
                    out.write(e);
                }
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + len > body.length()) throw syntax;
                    int v = 0;
                    for (int k = 0; k < len; k++) {
                        int dv = Character.digit(body.charAt(i + k), 16);
                        if (dv < 0 || body.charAt(i + k) > 'f') throw syntax;
                        v = v * 16 + dv;
                    }
                    i += len;
                    if (e == 'x') {
                        out.write(v);
                    } else {
                        if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) throw syntax;
                        out.writeBytes(new String(Character.toChars(v)).getBytes(StandardCharsets.UTF_8));
                    }
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > body.length()) throw syntax;
                    int v = e - '0';
                    for (int k = 0; k < 2; k++) {
                        char oc = body.charAt(i + k);
                        if (oc < '0' || oc > '7') throw syntax;
                        v = v * 8 + (oc - '0');
                    }
                    if (v > 255) throw syntax;
                    i += 2;
                    out.write(v);
                }
                default -> throw syntax;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(int c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Go's unicode.IsSpace. */
    static boolean isGoSpace(int c) {
        if (c <= 0xFF) {
            return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xA0;
        }
        return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }

    /** Go's unicode.IsNumber (categories Nd, Nl, No). */
    static boolean isGoNumber(int c) {
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }
}
