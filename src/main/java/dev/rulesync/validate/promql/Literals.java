package dev.rulesync.validate.promql;

import dev.rulesync.gosyntax.GoStrconv;
import dev.rulesync.gosyntax.GoSyntaxException;
import dev.rulesync.gosyntax.GoUnicode;

/**
 * What Prometheus' lexer and parser add to Go's strconv for PromQL literals: number values (strconv.ParseInt with
 * base 0, then ParseFloat), the hex-number scan of Prometheus' lexer, float seconds as durations, and the escape
 * checks of its string lexer. Go's own functions are in {@link dev.rulesync.gosyntax}.
 */
final class Literals {

    private Literals() {
    }

    // ---- numbers -------------------------------------------------------------------------------------------

    /** Prometheus' parseNumber: strconv.ParseInt(s, 0, 64), else strconv.ParseFloat(s, 64). */
    static double parseNumber(String text) throws GoSyntaxException {
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
        try {
            return GoStrconv.parseInt(text, 0);
        } catch (GoSyntaxException notAnInteger) {
            try {
                return GoStrconv.parseFloat(text);
            } catch (GoSyntaxException e) {
                throw new GoSyntaxException("error parsing number: " + e.getMessage());
            }
        }
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

    // ---- strings -------------------------------------------------------------------------------------------

    /**
     * The value of a STRING token (with its quotes): the escapes are checked as Prometheus' lexer checks them, with
     * its messages, then the value is strutil.Unquote's.
     */
    static String unquote(String token) throws GoSyntaxException {
        char quote = token.charAt(0);
        if (quote != '`' && token.indexOf('\\') >= 0) checkEscapes(token, quote);
        try {
            return GoStrconv.unquotePrometheus(token);
        } catch (GoSyntaxException e) {
            throw new GoSyntaxException("error unquoting string " + GoStrconv.quote(token) + ": " + e.getMessage());
        }
    }

    /** Prometheus' lexEscape over every escape of a quoted token; the closing quote may be read as a digit. */
    private static void checkEscapes(String token, char quote) throws GoSyntaxException {
        int end = token.length();
        for (int i = 1; i < end - 1; ) {
            int c = token.codePointAt(i);
            i += Character.charCount(c);
            if (c != '\\') continue;
            if (i >= end) throw new GoSyntaxException("escape sequence not terminated");
            int e = token.codePointAt(i);
            i += Character.charCount(e);
            int digits;
            int base;
            long max;
            int ch;
            switch (e) {
                case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
                    continue;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    digits = 3;
                    base = 8;
                    max = 255;
                    ch = e;
                }
                case 'x', 'u', 'U' -> {
                    digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    base = 16;
                    max = e == 'x' ? 255 : Character.MAX_CODE_POINT;
                    ch = i < end ? token.codePointAt(i) : -1;
                    if (ch >= 0) i += Character.charCount(ch);
                }
                default -> {
                    if (e == quote) continue;
                    throw new GoSyntaxException("unknown escape sequence " + GoUnicode.formatU(e));
                }
            }
            long x = 0;
            while (digits > 0) {
                int d = ch >= 0 ? Character.digit(ch, 16) : -1;
                if (ch > 'f' || d < 0 || d >= base) {
                    if (ch < 0) throw new GoSyntaxException("escape sequence not terminated");
                    throw new GoSyntaxException("illegal character " + GoUnicode.formatU(ch) + " in escape sequence");
                }
                x = x * base + d;
                digits--;
                if (digits > 0) {
                    ch = i < end ? token.codePointAt(i) : -1;
                    if (ch >= 0) i += Character.charCount(ch);
                }
            }
            if (x > max || x >= 0xD800 && x < 0xE000) {
                throw new GoSyntaxException("escape sequence is an invalid Unicode code point");
            }
        }
    }
}
