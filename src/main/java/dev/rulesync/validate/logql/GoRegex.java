package dev.rulesync.validate.logql;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's regular expressions (RE2 syntax) through re2j, a port of Go's regexp package: java.util.regex would accept
 * backreferences and lookaround that Loki rejects, and reject Go forms such as {@code (?P<name>...)} or
 * {@code \pN} spellings it does not know.
 */
final class GoRegex {

    private GoRegex() {
    }

    /** Go's regexp.Compile: null when {@code re} compiles, else Go's message. */
    static String compileError(String re) {
        try {
            Pattern.compile(re);
            return null;
        } catch (PatternSyntaxException e) {
            return message(e);
        }
    }

    /** The matcher a label matcher uses: the whole value must match, "." matches newlines. */
    static Pattern fullMatch(String re) {
        return Pattern.compile("^(?s:" + re + ")$");
    }

    static String message(PatternSyntaxException e) {
        // re2j words its errors as Go does ("error parsing regexp: missing closing ): `(`").
        return e.getMessage();
    }

    /** Go regexp's NumSubexp: the number of capture groups. */
    static int groupCount(String re) {
        return Pattern.compile(re).groupCount();
    }

    /** Names of the named capture groups in order of appearance, duplicates kept (Go allows them). */
    static List<String> groupNames(String re) {
        List<String> names = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 < re.length() && re.charAt(i + 1) == 'Q') {
                    int end = re.indexOf("\\E", i + 2);
                    i = end < 0 ? re.length() : end + 1;
                } else {
                    i++;
                }
                continue;
            }
            if (inClass) {
                if (c == ']') inClass = false;
                continue;
            }
            if (c == '[') {
                inClass = true;
                // A ']' right after '[' or '[^' is a literal.
                if (i + 1 < re.length() && re.charAt(i + 1) == '^') i++;
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') i++;
                continue;
            }
            if (c == '(' && re.startsWith("(?P<", i)) {
                int end = re.indexOf('>', i + 4);
                if (end > 0) names.add(re.substring(i + 4, end));
            } else if (c == '(' && re.startsWith("(?<", i)) {
                int end = re.indexOf('>', i + 3);
                if (end > 0) names.add(re.substring(i + 3, end));
            }
        }
        return names;
    }
}
