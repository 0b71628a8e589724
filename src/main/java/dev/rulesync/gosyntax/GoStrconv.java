package dev.rulesync.gosyntax;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Go's strconv (and the few fmt verbs Prometheus and Loki print numbers with): quoting and unquoting strings,
 * parsing and printing numbers, with Go's results and error messages. Also the conversion between Go strings
 * (bytes) and Java strings, where a byte that is not part of valid UTF-8 is held as U+DC00+byte.
 */
public final class GoStrconv {

    private GoStrconv() {
    }

    // ---- Go strings in Java strings -----------------------------------------------------------------------

    /** True when the code point at index i of s stands for a raw byte (an unpaired U+DC80..U+DCFF). */
    private static boolean isRawByte(int cp) {
        return cp >= 0xDC80 && cp <= 0xDCFF;
    }

    /**
     * The bytes of the Go string held in s: UTF-8, with U+DC80..U+DCFF as the raw bytes 0x80..0xFF. Other lone
     * surrogates cannot come from Go; they become U+FFFD, as Go's decoders turn them into.
     */
    public static byte[] bytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isRawByte(cp)) {
                out.write(cp - 0xDC00);
            } else {
                appendUtf8(out, Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp);
            }
        }
        return out.toByteArray();
    }

    private static void appendUtf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
    }

    /** The Java string for Go bytes: valid UTF-8 as text, every other byte b as U+DC00+b. */
    public static String fromBytes(byte[] b) {
        return fromBytes(b, 0, b.length);
    }

    static String fromBytes(byte[] b, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) ascii = b[i] >= 0;
        if (ascii) return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int n = runeLength(b, i, to);
            if (n == 0) {
                out.append((char) (0xDC00 + (b[i] & 0xFF)));
                i++;
            } else {
                out.append(new String(b, i, n, StandardCharsets.UTF_8));
                i += n;
            }
        }
        return out.toString();
    }

    /**
     * The length of the valid UTF-8 sequence at b[i], or 0 when b[i] starts none (Go's utf8.DecodeRune then
     * gives RuneError and consumes one byte).
     */
    static int runeLength(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        if (c < 0x80) return 1;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return 0;
        }
        if (i + n > to) return 0;
        int c1 = b[i + 1] & 0xFF;
        if (c1 < lo || c1 > hi) return 0;
        for (int k = 2; k < n; k++) {
            int ck = b[i + k] & 0xFF;
            if (ck < 0x80 || ck > 0xBF) return 0;
        }
        return n;
    }

    /**
     * The one Java form of the Go string held in s: raw bytes that together make valid UTF-8 (two strings glued
     * together may leave them so) become the character they encode.
     */
    public static String canonical(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return fromBytes(bytes(s));
            }
        }
        return s;
    }

    /** Go's utf8.ValidString for the Go string held in s. */
    public static boolean isValidUtf8(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isRawByte(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    // ---- quoting ------------------------------------------------------------------------------------------

    /** strconv.Quote: double quotes, Go escapes, printable Unicode kept, raw bytes as \\xHH. */
    public static String quote(String s) {
        s = canonical(s);
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (isRawByte(c)) {
                b.append("\\x").append(hex2(c - 0xDC00));
            } else {
                appendEscaped(b, c, '"');
            }
        }
        return b.append('"').toString();
    }

    /**
     * strconv.QuoteRune, which fmt's %q gives a rune: single quotes and Go escapes; an invalid rune (-1 for the end
     * of the input, a surrogate) reads as U+FFFD, as in Go.
     */
    public static String quoteRune(int r) {
        boolean valid = r >= 0 && r <= Character.MAX_CODE_POINT && !(r >= 0xD800 && r <= 0xDFFF);
        return appendEscaped(new StringBuilder("'"), valid ? r : 0xFFFD, '\'').append('\'').toString();
    }

    /** strconv's appendEscapedRune: the quote and backslash escaped, printable kept, the rest as Go escapes. */
    private static StringBuilder appendEscaped(StringBuilder b, int c, char quote) {
        if (Character.isSurrogate((char) c) && c <= 0xFFFF) c = 0xFFFD;
        if (c == quote || c == '\\') return b.append('\\').appendCodePoint(c);
        if (GoUnicode.isPrint(c)) return b.appendCodePoint(c);
        return switch (c) {
            case 7 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 11 -> b.append("\\v");
            default -> {
                if (c < ' ' || c == 0x7F) yield b.append("\\x").append(hex2(c));
                if (c < 0x10000) yield b.append("\\u").append(String.format(Locale.ROOT, "%04x", c));
                yield b.append("\\U").append(String.format(Locale.ROOT, "%08x", c));
            }
        };
    }

    private static String hex2(int v) {
        return String.format(Locale.ROOT, "%02x", v);
    }

    private static final GoSyntaxException SYNTAX = new GoSyntaxException("invalid syntax");

    /** strconv.Unquote: a Go string literal ("...", `...`, or a one-character '...') and its value. */
    public static String unquote(String s) throws GoSyntaxException {
        byte[] in = bytes(s);
        int n = in.length;
        if (n < 2) throw SYNTAX;
        byte q = in[0];
        int end = 1;
        while (end < n && in[end] != q) end++;
        if (end == n) throw SYNTAX;
        end++; // after the first quote that follows; escapes may move the real end further
        if (q == '`') {
            if (end != n) throw SYNTAX;
            String body = fromBytes(in, 1, n - 1);
            return body.indexOf('\r') < 0 ? body : body.replace("\r", "");
        }
        if (q != '"' && q != '\'') throw SYNTAX;
        boolean plain = true;
        for (int i = 0; i < end && plain; i++) plain = in[i] != '\\' && in[i] != '\n';
        if (plain) {
            boolean valid;
            if (q == '"') {
                valid = true;
                for (int i = 1; i < end - 1 && valid; ) {
                    int len = runeLength(in, i, end - 1);
                    valid = len > 0;
                    i += len;
                }
            } else {
                int len = end - 1 > 1 ? runeLength(in, 1, end - 1) : 0;
                // an empty '' decodes as RuneError of width 0, which Go lets through
                valid = 1 + len + 1 == end && (len > 0 || end == 2);
            }
            if (valid) {
                if (end != n) throw SYNTAX;
                return fromBytes(in, 1, end - 1);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        int i = 1;
        while (i < n && in[i] != q) {
            if (in[i] == '\n') throw SYNTAX;
            int[] r = unquoteChar(in, i, n, q);
            i = r[2];
            appendRune(out, r[0], r[1] != 0);
            if (q == '\'') break;
        }
        if (i >= n || in[i] != q || i + 1 != n) throw SYNTAX;
        return fromBytes(out.toByteArray());
    }

    /**
     * Prometheus' strutil.Unquote, which PromQL and LogQL strings go through: like strconv.Unquote, but '...' is a
     * string as "..." is, a raw string keeps its \r, and a \\u escape may name a surrogate.
     */
    public static String unquotePrometheus(String s) throws GoSyntaxException {
        int n = s.length();
        if (n < 2) throw SYNTAX;
        char q = s.charAt(0);
        if (q != s.charAt(n - 1)) throw SYNTAX;
        String body = s.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) throw SYNTAX;
            return canonical(body);
        }
        if (q != '"' && q != '\'') throw SYNTAX;
        if (body.indexOf('\n') >= 0) throw SYNTAX;
        if (body.indexOf('\\') < 0 && body.indexOf(q) < 0) return canonical(body);
        byte[] in = bytes(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            int[] r = unquoteChar(in, i, in.length, (byte) q, true);
            i = r[2];
            appendRune(out, r[0], r[1] != 0);
        }
        return fromBytes(out.toByteArray());
    }

    private static void appendRune(ByteArrayOutputStream out, int r, boolean multibyte) {
        if (r < 0x80 || !multibyte) {
            out.write(r);
        } else {
            appendUtf8(out, r > 0x10FFFF || r >= 0xD800 && r <= 0xDFFF ? 0xFFFD : r);
        }
    }

    /** What strconv.UnquoteChar decoded: the value and what follows it. */
    public record UnquotedChar(int value, String tail) {
    }

    /** strconv.UnquoteChar(s, quote): the first character or escape of s. */
    public static UnquotedChar unquoteChar(String s, char quote) throws GoSyntaxException {
        byte[] in = bytes(s);
        int[] r = unquoteChar(in, 0, in.length, (byte) quote);
        return new UnquotedChar(r[0], fromBytes(in, r[2], in.length));
    }

    private static int[] unquoteChar(byte[] s, int i, int end, byte quote) throws GoSyntaxException {
        return unquoteChar(s, i, end, quote, false);
    }

    /** {value, multibyte ? 1 : 0, next index}; {@code surrogates} allows \\u escapes of them (strutil). */
    private static int[] unquoteChar(byte[] s, int i, int end, byte quote, boolean surrogates)
            throws GoSyntaxException {
        if (i >= end) throw SYNTAX;
        int c = s[i] & 0xFF;
        if (c == quote && (quote == '\'' || quote == '"')) throw SYNTAX;
        if (c >= 0x80) {
            int n = runeLength(s, i, end);
            if (n == 0) return new int[] {0xFFFD, 1, i + 1};
            return new int[] {new String(s, i, n, StandardCharsets.UTF_8).codePointAt(0), 1, i + n};
        }
        if (c != '\\') return new int[] {c, 0, i + 1};
        if (i + 1 >= end) throw SYNTAX;
        int e = s[i + 1] & 0xFF;
        i += 2;
        switch (e) {
            case 'a' -> { return new int[] {7, 0, i}; }
            case 'b' -> { return new int[] {'\b', 0, i}; }
            case 'f' -> { return new int[] {'\f', 0, i}; }
            case 'n' -> { return new int[] {'\n', 0, i}; }
            case 'r' -> { return new int[] {'\r', 0, i}; }
            case 't' -> { return new int[] {'\t', 0, i}; }
            case 'v' -> { return new int[] {11, 0, i}; }
            case '\\' -> { return new int[] {'\\', 0, i}; }
            case 'x', 'u', 'U' -> {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (end - i < n) throw SYNTAX;
                long v = 0;
                for (int k = 0; k < n; k++) {
                    int d = hexValue(s[i + k] & 0xFF);
                    if (d < 0) throw SYNTAX;
                    v = v << 4 | d;
                }
                i += n;
                if (e == 'x') return new int[] {(int) v, 0, i};
                if (v > 0x10FFFF || !surrogates && v >= 0xD800 && v <= 0xDFFF) throw SYNTAX;
                return new int[] {(int) v, 1, i};
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (end - i < 2) throw SYNTAX;
                int v = e - '0';
                for (int k = 0; k < 2; k++) {
                    int d = (s[i + k] & 0xFF) - '0';
                    if (d < 0 || d > 7) throw SYNTAX;
                    v = v << 3 | d;
                }
                if (v > 255) throw SYNTAX;
                return new int[] {v, 0, i + 2};
            }
            case '\'', '"' -> {
                if (e != quote) throw SYNTAX;
                return new int[] {e, 0, i};
            }
            default -> throw SYNTAX;
        }
    }

    private static int hexValue(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // ---- numbers ------------------------------------------------------------------------------------------

    private static GoSyntaxException numError(String fn, String s, String what) {
        return new GoSyntaxException("strconv." + fn + ": parsing " + quote(s) + ": " + what);
    }

    /** strconv.ParseFloat(s, 64). An out-of-range value is an error, as in Go. */
    public static double parseFloat(String s) throws GoSyntaxException {
        double special = special(s);
        if (!Double.isNaN(special) || isNan(s)) return special;
        String value = readFloat(s);
        if (value == null) throw numError("ParseFloat", s, "invalid syntax");
        double d = Double.parseDouble(value);
        if (Double.isInfinite(d)) throw numError("ParseFloat", s, "value out of range");
        return d;
    }

    private static boolean isNan(String s) {
        return s.equalsIgnoreCase("nan");
    }

    /** strconv's special(): [+-]inf, [+-]infinity, nan (no sign), any case; NaN when s is none of them. */
    private static double special(String s) {
        if (isNan(s)) return Double.NaN;
        String t = s;
        double sign = 1;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            if (t.charAt(0) == '-') sign = -1;
            t = t.substring(1);
        }
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) return sign * Double.POSITIVE_INFINITY;
        return Double.NaN;
    }

    /**
     * strconv's readFloat over all of s: the number in a form Double.parseDouble reads with the same (correctly
     * rounded) result, or null when s is not Go float syntax.
     */
    private static String readFloat(String s) {
        int n = s.length();
        int i = 0;
        if (n == 0) return null;
        StringBuilder out = new StringBuilder(n + 8);
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            if (s.charAt(0) == '-') out.append('-');
            i++;
        }
        boolean hex = false;
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x') {
            hex = true;
            i += 2;
            out.append("0x");
        }
        boolean underscores = false;
        boolean sawDot = false;
        boolean sawDigits = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (sawDot) break;
                sawDot = true;
                out.append('.');
            } else if (c >= '0' && c <= '9' || hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
                sawDigits = true;
                out.append(c);
            } else {
                break;
            }
        }
        if (!sawDigits) return null;
        if (out.charAt(out.length() - 1) == '.') out.append('0');
        if (i < n && (s.charAt(i) | 0x20) == (hex ? 'p' : 'e')) {
            i++;
            if (i >= n) return null;
            int sign = 1;
            if (s.charAt(i) == '+') {
                i++;
            } else if (s.charAt(i) == '-') {
                i++;
                sign = -1;
            }
            if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') return null;
            int e = 0;
            for (; i < n && (s.charAt(i) >= '0' && s.charAt(i) <= '9' || s.charAt(i) == '_'); i++) {
                if (s.charAt(i) == '_') {
                    underscores = true;
                } else if (e < 10000) {
                    e = e * 10 + s.charAt(i) - '0';
                }
            }
            out.append(hex ? 'p' : 'e').append(sign * e);
        } else if (hex) {
            return null;
        }
        if (i != n) return null;
        if (underscores && !underscoreOK(s)) return null;
        return out.toString();
    }

    /** strconv's underscoreOK: '_' only between digits, or between a base prefix and a digit. */
    private static boolean underscoreOK(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) s = s.substring(1);
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char b = (char) (s.charAt(1) | 0x20);
            if (b == 'b' || b == 'o' || b == 'x') {
                i = 2;
                saw = '0';
                hex = b == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
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

    /** strconv.ParseInt(s, base, 64); base 0 reads Go's prefixes (0x, 0o, 0b, 0) and '_' separators. */
    public static long parseInt(String s, int base) throws GoSyntaxException {
        return parseInt(s, base, "ParseInt");
    }

    /** strconv.Atoi on a 64-bit platform. */
    public static long atoi(String s) throws GoSyntaxException {
        return parseInt(s, 10, "Atoi");
    }

    private static long parseInt(String s, int base, String fn) throws GoSyntaxException {
        if (s.isEmpty()) throw numError(fn, s, "invalid syntax");
        boolean neg = s.charAt(0) == '-';
        String u = neg || s.charAt(0) == '+' ? s.substring(1) : s;
        long un;
        try {
            un = parseUint(u, base, fn);
        } catch (RangeException e) {
            throw numError(fn, s, "value out of range");
        } catch (GoSyntaxException e) {
            throw numError(fn, s, "invalid syntax");
        }
        if (!neg && Long.compareUnsigned(un, Long.MIN_VALUE) >= 0) throw numError(fn, s, "value out of range");
        if (neg && Long.compareUnsigned(un, Long.MIN_VALUE) > 0) throw numError(fn, s, "value out of range");
        return neg ? -un : un;
    }

    /** strconv.ParseUint(s, base, 64), the unsigned result in a long's bits. */
    public static long parseUint(String s, int base) throws GoSyntaxException {
        try {
            return parseUint(s, base, "ParseUint");
        } catch (RangeException e) {
            throw numError("ParseUint", s, "value out of range");
        }
    }

    /** Go reports a range error before looking at the rest of the digits. */
    private static final class RangeException extends RuntimeException {
        RangeException() {
            super("value out of range", null, false, false);
        }
    }

    private static long parseUint(String s, int base, String fn) throws GoSyntaxException {
        if (s.isEmpty()) throw numError(fn, s, "invalid syntax");
        boolean base0 = base == 0;
        int i = 0;
        if (base0) {
            base = 10;
            if (s.charAt(0) == '0') {
                char b = s.length() >= 3 ? (char) (s.charAt(1) | 0x20) : 0;
                if (b == 'b') {
                    base = 2;
                    i = 2;
                } else if (b == 'o') {
                    base = 8;
                    i = 2;
                } else if (b == 'x') {
                    base = 16;
                    i = 2;
                } else {
                    base = 8;
                    i = 1;
                }
            }
        }
        long n = 0;
        long cutoff = Long.divideUnsigned(-1L, base) + 1;
        boolean underscores = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            int d;
            if (c == '_' && base0) {
                underscores = true;
                continue;
            } else if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                d = (c | 0x20) - 'a' + 10;
            } else {
                throw numError(fn, s, "invalid syntax");
            }
            if (d >= base) throw numError(fn, s, "invalid syntax");
            if (Long.compareUnsigned(n, cutoff) >= 0) throw new RangeException();
            n *= base;
            long n1 = n + d;
            if (Long.compareUnsigned(n1, n) < 0) throw new RangeException();
            n = n1;
        }
        if (underscores && !underscoreOK(s)) throw numError(fn, s, "invalid syntax");
        return n;
    }

    /** strconv.FormatFloat(v, 'f', -1, 64): the shortest digits that read back as v, never an exponent. */
    public static String formatFloat(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == 0) return 1 / v < 0 ? "-0" : "0";
        return shortest(v).toPlainString();
    }

    /** strconv.FormatFloat(v, 'f', decimals, 64), which fmt's %f is with 6: rounded half to even on v's exact value. */
    public static String formatFloat(double v, int decimals) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return (v < 0 || v == 0 && 1 / v < 0) && !s.startsWith("-") ? "-" + s : s;
    }

    /** fmt's %v for a float64 (strconv 'g' with the shortest digits): 1e+06, 123456, 1.5e-05, 0.0001. */
    public static String formatFloatV(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == 0) return 1 / v < 0 ? "-0" : "0";
        BigDecimal d = shortest(v);
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - d.scale() - 1;
        StringBuilder b = new StringBuilder();
        if (v < 0) b.append('-');
        // with the shortest digits Go switches to the exponent form outside 1e-4 <= |v| < 1e6
        if (exp < -4 || exp >= 6) {
            b.append(digits.charAt(0));
            if (digits.length() > 1) b.append('.').append(digits, 1, digits.length());
            b.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) b.append('0');
            return b.append(ae).toString();
        }
        return b.append(d.abs().toPlainString()).toString();
    }

    /**
     * The shortest decimal that reads back as v, as Go finds it. Java's Double.toString gives the shortest since
     * JDK 19, but never fewer than two digits: where one digit reads back too (only among the smallest subnormals,
     * such as 5e-324), Go's one digit is taken.
     */
    private static BigDecimal shortest(double v) {
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        if (d.precision() == 2) {
            BigDecimal one = d.round(new java.math.MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() == v) return one.stripTrailingZeros();
        }
        return d;
    }
}
