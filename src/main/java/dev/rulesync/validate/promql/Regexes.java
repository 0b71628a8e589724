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
            Pattern.compile(re); // flags change meaning, not syntax; without them the message shows only re
            return null;
        } catch (PatternSyntaxException e) {
            return e.getMessage();
        }
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
            return Pattern.compile("^(?:" + re + ")$", Pattern.DOTALL).matcher("").matches();
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
