package dev.rulesync.validate.logql;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
            compile(re);
            return null;
        } catch (PatternSyntaxException e) {
            return message(e);
        }
    }

    /**
     * Compiles as Go does; Go allows a group name twice, re2j does not, so repeated names are made unique.
     * Rules are validated again on every sync, so compiled patterns (and errors) are kept in a bounded cache.
     */
    static Pattern compile(String re) {
        Object cached = CACHE.get(re);
        if (cached == null) {
            try {
                cached = compileUncached(re);
            } catch (PatternSyntaxException e) {
                cached = e;
            }
            if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
            CACHE.put(re, cached);
        }
        if (cached instanceof PatternSyntaxException e) throw e;
        return (Pattern) cached;
    }

    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private static Pattern compileUncached(String re) {
        try {
            return Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            if (e.getMessage() == null || !e.getMessage().contains("duplicate capture group name")) throw e;
            return Pattern.compile(uniqueGroupNames(re));
        }
    }

    /** The matcher a label matcher uses: the whole value must match, "." matches newlines. */
    static Pattern fullMatch(String re) {
        return compile("^(?s:" + re + ")$");
    }

    static String message(PatternSyntaxException e) {
        // re2j words its errors as Go does ("error parsing regexp: missing closing ): `(`").
        return e.getMessage();
    }

    /** Go regexp's NumSubexp: the number of capture groups. */
    static int groupCount(String re) {
        return compile(re).groupCount();
    }

    private static String uniqueGroupNames(String re) {
        StringBuilder out = new StringBuilder(re);
        List<int[]> spans = new ArrayList<>();
        scanNames(re, (start, end) -> spans.add(new int[] {start, end}));
        for (int k = spans.size() - 1; k >= 0; k--) {
            out.replace(spans.get(k)[0], spans.get(k)[1], "rulesync_g" + k);
        }
        return out.toString();
    }

    private interface NameSink {
        void name(int start, int end);
    }

    /** Names of the named capture groups in order of appearance, duplicates kept (Go allows them). */
    static List<String> groupNames(String re) {
        List<String> names = new ArrayList<>();
        scanNames(re, (start, end) -> names.add(re.substring(start, end)));
        return names;
    }

    /** Finds the names of (?P<name>...) and (?<name>...) groups outside escapes and character classes. */
    private static void scanNames(String re, NameSink sink) {
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
            int open = re.startsWith("(?P<", i) ? 4 : re.startsWith("(?<", i) ? 3 : 0;
            if (open > 0) {
                int end = re.indexOf('>', i + open);
                if (end > 0) sink.name(i + open, end);
            }
        }
    }
}
