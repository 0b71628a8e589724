package dev.rulesync.validate.promql;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Label-matcher regexps. Prometheus checks them with Go's regexp (RE2 syntax, Perl flags, dot matches newline)
 * and matches them fully anchored; RE2/J is a port of that package, so syntax, errors and semantics agree.
 */
final class Regexes {

    private Regexes() {
    }

    /** Null when {@code re} compiles, else Go's message ("error parsing regexp: missing closing ): `(`"). */
    static String check(String re) {
        if (isPlain(re)) return null;
        String nonAsciiEscape = nonAsciiEscape(re);
        if (nonAsciiEscape != null) return "error parsing regexp: invalid escape sequence: `" + nonAsciiEscape + "`";
        try {
            Pattern.compile(literalBraces(re)); // flags change meaning, not syntax; without them the message shows only re
            return null;
        } catch (PatternSyntaxException e) {
            return e.getMessage();
        }
    }

    /**
     * Go reads a '{' that does not start a repetition ({n}, {n,}, {n,m}) as a literal, so "x{*" is valid; RE2/J
     * rejects some of those. Escaping such braces keeps Go's meaning.
     */
    private static String literalBraces(String re) {
        if (re.indexOf('{') < 0) return re;
        StringBuilder b = new StringBuilder(re.length() + 4);
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(i + 1);
                if (n == 'Q') {
                    int end = re.indexOf("\\E", i + 2);
                    int stop = end < 0 ? re.length() : end + 2;
                    b.append(re, i, stop);
                    i = stop - 1;
                } else if ((n == 'x' || n == 'p' || n == 'P') && i + 2 < re.length() && re.charAt(i + 2) == '{'
                        && re.indexOf('}', i + 2) > 0) {
                    int close = re.indexOf('}', i + 2);
                    b.append(re, i, close + 1);
                    i = close;
                } else {
                    b.append(c).append(n);
                    i++;
                }
            } else if (c == '{' && !isRepetition(re, i)) {
                b.append("\\{");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isRepetition(String re, int i) {
        int j = i + 1;
        int digits = 0;
        while (j < re.length() && re.charAt(j) >= '0' && re.charAt(j) <= '9') { j++; digits++; }
        if (digits == 0) return false;
        if (j < re.length() && re.charAt(j) == ',') {
            j++;
            while (j < re.length() && re.charAt(j) >= '0' && re.charAt(j) <= '9') j++;
        }
        return j < re.length() && re.charAt(j) == '}';
    }

    /** Go rejects a backslash before a non-ASCII character; RE2/J lets it through. */
    private static String nonAsciiEscape(String re) {
        for (int i = 0; i + 1 < re.length(); i++) {
            if (re.charAt(i) != '\\') continue;
            char c = re.charAt(i + 1);
            if (c == 'Q') {
                int end = re.indexOf("\\E", i + 2);
                if (end < 0) return null;
                i = end + 1;
            } else if (c >= 0x80) {
                return re.substring(i, i + 1 + Character.charCount(re.codePointAt(i + 1)));
            } else {
                i++;
            }
        }
        return null;
    }

    /** Whether the anchored regexp matches the empty string (labels.Matcher.Matches("")). */
    static boolean matchesEmpty(String re) {
        try {
            return Pattern.compile("^(?:" + literalBraces(re) + ")$", Pattern.DOTALL).matcher("").matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /**
     * The common shapes (literal alternatives, .*, .+) cannot be malformed: skip compiling them. A quantifier
     * counts as plain only right after a letter, digit or '.'.
     */
    private static boolean isPlain(String re) {
        char prev = '|';
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            boolean literal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == ':' || c == '/' || c == ',' || c == '=' || c == '@' || c == ' ';
            if (literal || c == '.' || c == '|') {
                prev = c;
                continue;
            }
            if ((c == '*' || c == '+' || c == '?') && prev != '|' && prev != '*' && prev != '+' && prev != '?') {
                prev = c;
                continue;
            }
            return false;
        }
        return true;
    }
}
