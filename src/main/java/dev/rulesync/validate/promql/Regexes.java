package dev.rulesync.validate.promql;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Label-matcher regexps. Prometheus compiles them with Go's RE2 syntax, fully anchored; we check them with
 * java.util.regex after rejecting what RE2 does not support (look-around, back-references, possessive and
 * atomic groups) and translating the few spellings that differ.
 */
final class Regexes {

    private Regexes() {
    }

    /** Null when {@code re} compiles, else a Prometheus-style message. */
    static String check(String re) {
        if (isPlain(re)) return null;
        String badEscape = invalidEscape(re);
        if (badEscape != null) return "error parsing regexp: invalid escape sequence: `" + badEscape + "`";
        String unsupported = unsupported(re);
        if (unsupported != null) return "error parsing regexp: invalid or unsupported Perl syntax: `" + unsupported + "`";
        try {
            compile(re);
            return null;
        } catch (PatternSyntaxException e) {
            return "error parsing regexp: " + goWording(e, re);
        }
    }

    /** Go's regexp/syntax wording for the common mistakes; Java's own description otherwise. */
    private static String goWording(PatternSyntaxException e, String re) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group")) return "missing closing ): `" + re + "`";
        if (d.startsWith("Unclosed character class")) return "missing closing ]: `" + re.substring(Math.max(0, re.lastIndexOf('['))) + "`";
        if (d.startsWith("Unmatched closing ')'")) return "unexpected ): `" + re + "`";
        if (d.startsWith("Dangling meta character")) {
            String op = d.substring(d.indexOf('\'') + 1, d.lastIndexOf('\''));
            return "missing argument to repetition operator: `" + op + "`";
        }
        return d + ": `" + re + "`";
    }

    /** Whether the anchored regexp matches the empty string (labels.Matcher.Matches("")). */
    static boolean matchesEmpty(String re) {
        try {
            return compile(re).matcher("").matches();
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

    private static Pattern compile(String re) {
        return Pattern.compile("^(?s:" + toJava(re) + ")$");
    }

    /**
     * RE2 escapes: punctuation, \a \f \t \n \r \v, \x, octal (\0, or \1-\7 followed by an octal digit), the
     * classes \d \s \w \p (and upper-case), \b \B \A \z, \Q...\E. Java accepts more (\e, \h, \Z, \1, ...).
     */
    private static String invalidEscape(String re) {
        for (int i = 0; i < re.length(); i++) {
            if (re.charAt(i) != '\\') continue;
            if (i + 1 >= re.length()) return null; // trailing backslash: Java reports it
            char c = re.charAt(i + 1);
            if (c == 'Q') {
                int end = re.indexOf("\\E", i + 2);
                if (end < 0) return null;
                i = end + 1;
                continue;
            }
            boolean ok;
            if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                ok = true;
            } else if (c >= '1' && c <= '7') {
                ok = i + 2 < re.length() && re.charAt(i + 2) >= '0' && re.charAt(i + 2) <= '7';
            } else {
                ok = "0afntrvxdDsSwWpPbBAzE".indexOf(c) >= 0;
            }
            if (!ok) return re.substring(i, i + 1 + Character.charCount(re.codePointAt(i + 1)));
            i++;
        }
        return null;
    }

    private static String unsupported(String re) {
        for (String bad : new String[]{"(?=", "(?!", "(?<=", "(?<!", "(?>"}) {
            if (re.contains(bad)) return bad;
        }
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(i + 1);
                if (n == 'Z' || n == 'k' || n == 'R' || n == 'X' || n == 'G' || n == 'h' || n == 'H' || n == 'V') {
                    return "\\" + n;
                }
                i++;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (!inClass && (c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < re.length() && re.charAt(i + 1) == '+') {
                return c + "+";
            }
        }
        return null;
    }

    /** RE2 treats a '{' that does not start a repetition as a literal; (?P&lt;name&gt; is Go's named group. */
    private static String toJava(String re) {
        StringBuilder b = new StringBuilder(re.length() + 8);
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(++i);
                if (n == 'Q') {
                    int end = re.indexOf("\\E", i + 1);
                    if (end < 0) {
                        // RE2 quotes to the end of the pattern; Java would also quote our closing ")$".
                        b.append(Pattern.quote(re.substring(i + 1)));
                        return b.toString();
                    }
                    b.append(Pattern.quote(re.substring(i + 1, end)));
                    i = end + 1;
                    continue;
                }
                if ((n == 'x' || n == 'p' || n == 'P') && i + 1 < re.length() && re.charAt(i + 1) == '{') {
                    int close = re.indexOf('}', i + 1);
                    if (close > 0) {
                        b.append('\\').append(re, i, close + 1);
                        i = close;
                        continue;
                    }
                }
                boolean octalNext = i + 1 < re.length() && re.charAt(i + 1) >= '0' && re.charAt(i + 1) <= '7';
                if (n >= '1' && n <= '7' && octalNext) {
                    b.append("\\0").append(n);       // RE2 octal; Java would read a back-reference
                } else if (n == '0' && !octalNext) {
                    b.append("\\x00");               // RE2 \0 alone is NUL; Java wants more digits
                } else {
                    b.append(c).append(n);
                }
            } else if (c == '{' && !isRepetition(re, i)) {
                b.append("\\{");
            } else if (c == '(' && re.startsWith("(?P<", i)) {
                b.append("(?<");
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isRepetition(String re, int i) {
        int j = i + 1;
        int digits = 0;
        while (j < re.length() && Character.isDigit(re.charAt(j))) { j++; digits++; }
        if (digits == 0) return false;
        if (j < re.length() && re.charAt(j) == ',') {
            j++;
            while (j < re.length() && Character.isDigit(re.charAt(j))) j++;
        }
        return j < re.length() && re.charAt(j) == '}';
    }
}
