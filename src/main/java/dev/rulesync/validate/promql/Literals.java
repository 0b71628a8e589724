package dev.rulesync.validate.promql;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Numbers, durations and strings the way Go and Prometheus read and write them: number values follow
 * strconv.ParseInt(s, 0, 64) with a strconv.ParseFloat fallback, durations follow model.ParseDuration and
 * model.Duration.String, strings follow strconv.Unquote and strconv.Quote. Bytes that are not valid UTF-8
 * (possible through \x and octal escapes) are kept as U+DC80..U+DCFF so they survive a round trip.
 */
final class Literals {

    private Literals() {
    }

    /** Thrown with a Prometheus-worded message. */
    static final class LiteralException extends Exception {
        LiteralException(String message) {
            super(message, null, false, false);
        }
    }

    // ---- numbers -------------------------------------------------------------------------------------------

    static double parseNumber(String text) throws LiteralException {
        // Fast path: plain decimal integers, the most common literal.
        int n = text.length();
        if (n <= 18 && (n == 1 || text.charAt(0) != '0')) {
            long v = 0;
            int i = 0;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') break;
                v = v * 10 + (c - '0');
            }
            if (i == n) return v;
        }
        String s = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf")) return Double.POSITIVE_INFINITY;
        if (lower.equals("nan")) return Double.NaN;
        // strconv.ParseInt with base 0: 0x hex, leading 0 octal, otherwise decimal.
        Long asInt = null;
        if (lower.startsWith("0x")) {
            asInt = parseLong(s.substring(2), 16);
        } else if (allDigits(s)) {
            asInt = s.length() > 1 && s.charAt(0) == '0' ? parseLong(s.substring(1), 8) : parseLong(s, 10);
        }
        if (asInt != null) return asInt;
        if (lower.startsWith("0x")) {
            // ParseFloat wants a p exponent for hex mantissas.
            throw new LiteralException("error parsing number: strconv.ParseFloat: parsing " + goQuote(text) + ": invalid syntax");
        }
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new LiteralException("error parsing number: strconv.ParseFloat: parsing " + goQuote(text) + ": invalid syntax");
        }
        if (Double.isInfinite(d)) {
            throw new LiteralException("error parsing number: strconv.ParseFloat: parsing " + goQuote(text) + ": value out of range");
        }
        return d;
    }

    /**
     * Prometheus' scanNumber on a hex number: after the first digit it reads runs of hex digits, but an e/E met at
     * the start of a step (right after the first digit, after '_' or after another exponent) is an exponent. Only
     * one exponent is allowed; it and '_' may not be followed by '.', '_', 'e', 'E' or the end of the input; a
     * sign after it makes a hex float without 'p', which Go rejects. So 0x81e is 0x81E but 0x1e at the end is an
     * error. {@code next} is the character after the token, or -1 at the end of the input.
     */
    static boolean goHexScanAccepts(String t, int next) {
        int n = t.length();
        int i = 2;
        if (i < n && t.charAt(i) == '_') i++;
        if (i < n) i++; // the first digit, even 'e'
        boolean exponent = false;
        while (i < n) {
            char c = t.charAt(i);
            if (c == 'e' || c == 'E' || c == '_') {
                if (c != '_') {
                    if (exponent) return false;
                    exponent = true;
                }
                i++;
                int after = i < n ? t.charAt(i) : next;
                if (after == -1 || after == '.' || after == '_' || after == 'e' || after == 'E') return false;
                if (c != '_' && (after == '+' || after == '-')) return false;
                continue;
            }
            while (i < n && Character.digit(t.charAt(i), 16) >= 0) i++;
            if (i < n && t.charAt(i) != '_') i++; // not reached for lexer tokens
        }
        return true;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return !s.isEmpty();
    }

    private static Long parseLong(String digits, int radix) {
        if (digits.isEmpty()) return null;
        if (digits.length() <= (radix == 16 ? 15 : 18)) {
            try {
                return Long.parseLong(digits, radix);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            BigInteger v = new BigInteger(digits, radix);
            return v.bitLength() < 64 ? v.longValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** strconv.FormatFloat(v, 'f', -1, 64). */
    static String formatFloat(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == 0) return (Double.doubleToRawLongBits(v) < 0) ? "-0" : "0";
        String plain = new BigDecimal(Double.toString(v)).toPlainString();
        if (plain.indexOf('.') >= 0) {
            int end = plain.length();
            while (plain.charAt(end - 1) == '0') end--;
            if (plain.charAt(end - 1) == '.') end--;
            plain = plain.substring(0, end);
        }
        return plain;
    }

    // ---- durations -----------------------------------------------------------------------------------------

    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long MS = 1_000_000L;
    private static final long[] UNIT_NANOS = {365L * 24 * 3600 * 1000 * MS, 7L * 24 * 3600 * 1000 * MS,
            24L * 3600 * 1000 * MS, 3600L * 1000 * MS, 60L * 1000 * MS, 1000 * MS, MS};

    /** model.ParseDuration: nanoseconds. */
    static long parseDuration(String s) throws LiteralException {
        if (s.equals("0")) return 0;
        if (s.isEmpty()) throw new LiteralException("empty duration string");
        long total = 0;
        int lastUnit = -1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int digitsStart = i;
            while (i < n && isDigit(s.charAt(i))) i++;
            if (i == digitsStart) throw new LiteralException("not a valid duration string: " + goQuote(s));
            long v = 0;
            boolean overflow = false;
            for (int k = digitsStart; k < i; k++) {
                if (v > (Long.MAX_VALUE - 9) / 10) overflow = true;
                v = v * 10 + (s.charAt(k) - '0');
            }
            int unitStart = i;
            while (i < n && !isDigit(s.charAt(i))) i++;
            if (i == unitStart) throw new LiteralException("not a valid duration string: " + goQuote(s));
            String u = s.substring(unitStart, i);
            int unit = unitIndex(u);
            if (unit < 0) throw new LiteralException("unknown unit " + goQuote(u) + " in duration " + goQuote(s));
            if (unit <= lastUnit) throw new LiteralException("not a valid duration string: " + goQuote(s));
            lastUnit = unit;
            // Go: v > 1<<63/mult is out of range; then the sum must stay below 1<<63.
            if (overflow || Long.compareUnsigned(v, Long.divideUnsigned(Long.MIN_VALUE, UNIT_NANOS[unit])) > 0) {
                throw new LiteralException("duration out of range");
            }
            long add = v * UNIT_NANOS[unit];
            if (add < 0 || total + add < 0) throw new LiteralException("duration out of range");
            total += add;
        }
        return total;
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

    /** model.Duration(nanos).String(). */
    static String formatDuration(long nanos) {
        long ms = nanos / MS;
        if (ms == 0) return "0s";
        StringBuilder b = new StringBuilder();
        if (ms < 0) {
            b.append('-');
            ms = -ms;
        }
        long[] mult = {365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000, 1};
        for (int i = 0; i < UNITS.length; i++) {
            if (i < 2 && ms % mult[i] != 0) continue;
            long v = ms / mult[i];
            if (v > 0) {
                b.append(v).append(UNITS[i]);
                ms -= v * mult[i];
            }
        }
        return b.toString();
    }

    /** Go's time.Duration(math.Round(seconds * 1e9)). */
    static long secondsToNanos(double seconds) {
        double n = seconds * 1e9;
        double r = n < 0 ? -Math.floor(-n + 0.5) : Math.floor(n + 0.5);
        return goInt64(r);
    }

    /**
     * Go's float64 to int64 conversion as amd64 does it: truncation toward zero, and NaN or out-of-range values
     * become math.MinInt64 (Prometheus accepts {@code offset NaN} and prints that value back).
     */
    static long goInt64(double v) {
        if (Double.isNaN(v) || v >= 9.223372036854775807E18 || v < -9.223372036854775808E18) return Long.MIN_VALUE;
        return (long) v;
    }

    static boolean durationOutOfRange(double seconds) {
        return seconds > 9223372036.854775808 || seconds < -9223372036.854775808;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---- strings -------------------------------------------------------------------------------------------

    /**
     * Unquotes a STRING token (with its quotes). Escapes follow Go; Prometheus' lexer rejects \' in "..." and \"
     * in '...', and a quoted string may not span lines.
     */
    static String unquote(String token) throws LiteralException {
        char quote = token.charAt(0);
        String body = token.substring(1, token.length() - 1);
        if (quote == '`') return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
        // Fast path: no escapes, so the text is the value (the lexer already excluded newlines).
        if (body.indexOf('\\') < 0) return body;
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            if (c != '\\') {
                byte[] bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(c);
                continue;
            }
            i++;
            if (i >= body.length()) throw new LiteralException("escape sequence not terminated");
            int e = body.codePointAt(i);
            i += Character.charCount(e);
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case '\\' -> out.write('\\');
                case '0', '1', '2', '3', '4', '5', '6', '7', 'x', 'u', 'U' -> {
                    int n;
                    int base;
                    long max;
                    int first = i;
                    if (e == 'x') { n = 2; base = 16; max = 255; }
                    else if (e == 'u') { n = 4; base = 16; max = Character.MAX_CODE_POINT; }
                    else if (e == 'U') { n = 8; base = 16; max = Character.MAX_CODE_POINT; }
                    else { n = 3; base = 8; max = 255; first = i - 1; }
                    long x = 0;
                    int p = first;
                    for (int k = 0; k < n; k++, p++) {
                        if (p >= body.length()) throw new LiteralException("escape sequence not terminated");
                        int d = Character.digit(body.charAt(p), base);
                        if (d < 0) {
                            int bad = body.codePointAt(p);
                            throw new LiteralException("illegal character " + goU(bad) + " in escape sequence");
                        }
                        x = x * base + d;
                    }
                    i = p;
                    if (x > max || (x >= 0xD800 && x < 0xE000)) {
                        throw new LiteralException("escape sequence is an invalid Unicode code point");
                    }
                    if (e == 'u' || e == 'U') {
                        byte[] bytes = new String(Character.toChars((int) x)).getBytes(StandardCharsets.UTF_8);
                        out.write(bytes, 0, bytes.length);
                    } else {
                        out.write((int) x);
                    }
                }
                default -> {
                    if (e == quote) {
                        out.write(e);
                    } else {
                        throw new LiteralException("unknown escape sequence " + goU(e));
                    }
                }
            }
        }
        return decodeKeepingBadBytes(out.toByteArray());
    }

    /** Go's %#U: U+0071 'q'. */
    private static String goU(int cp) {
        return String.format("U+%04X '%s'", cp, new String(Character.toChars(cp)));
    }

    private static String decodeKeepingBadBytes(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Slow path: decode rune by rune, mapping each bad byte b (0x80..0xff) to U+DC00+b.
            StringBuilder b = new StringBuilder();
            int i = 0;
            while (i < bytes.length) {
                int len = utf8Length(bytes, i);
                if (len == 0) {
                    b.append((char) (0xDC00 + (bytes[i] & 0xff)));
                    i++;
                } else {
                    b.append(new String(bytes, i, len, StandardCharsets.UTF_8));
                    i += len;
                }
            }
            return b.toString();
        }
    }

    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xff;
        int len = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        if (len == 0 || i + len > b.length) return 0;
        for (int k = 1; k < len; k++) if ((b[i + k] & 0xC0) != 0x80) return 0;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, i, len));
            return len;
        } catch (CharacterCodingException e) {
            return 0;
        }
    }

    /** True when s holds only valid Unicode (no kept bad bytes, no lone surrogates). */
    static boolean isValidUtf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** strconv.Quote. */
    static String goQuote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0xDC80 && c <= 0xDCFF) {
                b.append(String.format("\\x%02x", c - 0xDC00));
                continue;
            }
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 7 -> b.append("\\a");
                case 8 -> b.append("\\b");
                case 12 -> b.append("\\f");
                case 10 -> b.append("\\n");
                case 13 -> b.append("\\r");
                case 9 -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                    if (isGoPrint(c)) {
                        b.appendCodePoint(c);
                    } else if (c < ' ' || c == 0x7f) {
                        b.append(String.format("\\x%02x", c));
                    } else if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                        b.append("\\ufffd");
                    } else if (c < 0x10000) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.append(String.format("\\U%08x", c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isGoPrint(int c) {
        if (c == ' ') return true;
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
