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
        Pattern p = compileRe2j(re);
        String badRepeat = new RepeatChecker(re).firstInvalid();
        if (badRepeat != null) throw new PatternSyntaxException("invalid repeat count", badRepeat);
        return p;
    }

    private static Pattern compileRe2j(String re) {
        try {
            return Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("duplicate capture group name")) return compileRe2j(uniqueGroupNames(re));
            if (m.contains("invalid character class range: `[:")) {
                // Go looks for the ":]" of a [:name:] class only after "[:"; re2j also finds it in "[:]", which
                // Go reads as the characters '[' ':' (and the class's end).
                String escaped = escapeFalsePosixClasses(re);
                if (!escaped.equals(re)) {
                    try {
                        return Pattern.compile(escaped);
                    } catch (PatternSyntaxException ignored) {
                        throw e;
                    }
                }
            }
            if (m.contains("invalid nested repetition operator")) {
                // Go reads a '{' that does not start {n}, {n,} or {n,m} as a literal, and a repetition after it
                // is then fine ("a+{+"); re2j counts it as a repetition. Escaping such braces gives Go's reading.
                String escaped = escapeLiteralBraces(re);
                if (!escaped.equals(re)) {
                    try {
                        return Pattern.compile(escaped);
                    } catch (PatternSyntaxException ignored) {
                        throw e;
                    }
                }
            }
            throw e;
        }
    }

    /** Escapes every '{' outside escapes and character classes that Go's parser would read as a literal. */
    static String escapeLiteralBraces(String re) {
        StringBuilder out = new StringBuilder(re.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                out.append(c);
                if (i + 1 < re.length()) out.append(re.charAt(++i));
                continue;
            }
            if (inClass) {
                if (c == '[' && re.startsWith("[:", i)) {
                    int end = re.indexOf(":]", i + 2);
                    if (end > 0) {
                        out.append(re, i, end + 2);
                        i = end + 1;
                        continue;
                    }
                }
                if (c == ']') inClass = false;
                out.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < re.length() && re.charAt(i + 1) == '^') out.append(re.charAt(++i));
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') out.append(re.charAt(++i));
                continue;
            }
            if (c == '{' && !isRepeat(re, i)) {
                out.append("\\{");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Escapes a "[" inside a class that Go does not read as the start of a [:name:] class. */
    static String escapeFalsePosixClasses(String re) {
        StringBuilder out = new StringBuilder(re.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                out.append(c);
                if (i + 1 < re.length()) out.append(re.charAt(++i));
                continue;
            }
            if (inClass) {
                if (re.startsWith("[:", i)) {
                    int end = re.indexOf(":]", i + 2);
                    if (end > 0) {
                        out.append(re, i, end + 2);
                        i = end + 1;
                    } else {
                        out.append("\\[");
                    }
                    continue;
                }
                if (c == ']') inClass = false;
                out.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < re.length() && re.charAt(i + 1) == '^') out.append(re.charAt(++i));
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') out.append(re.charAt(++i));
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Go's parseRepeat syntax: {n}, {n,} or {n,m} with decimal digits. */
    private static boolean isRepeat(String re, int i) {
        int j = i + 1;
        int digits = j;
        while (j < re.length() && Character.isDigit(re.charAt(j)) && re.charAt(j) < 128) j++;
        if (j == digits) return false;
        if (j < re.length() && re.charAt(j) == ',') {
            j++;
            while (j < re.length() && re.charAt(j) >= '0' && re.charAt(j) <= '9') j++;
        }
        return j < re.length() && re.charAt(j) == '}';
    }

    /**
     * Whether a label matcher's regex matches the empty string. Prometheus anchors the parsed regex
     * ("^(?s:...)$" around its canonical form); re2j's matches() anchors without rewriting the text, so a
     * trailing \\Q... stays closed. (?s) cannot change whether "" matches.
     */
    static boolean matchesEmpty(String re) {
        return compile(re).matcher("").matches();
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

    /**
     * Go's limit on nested repetition (regexp/syntax repeatIsValid): along any nesting, the counts of {n,m}
     * repetitions multiply to at most 1000, so "(a{1000}){2}" is refused. re2j only limits each count alone.
     */
    private static final class RepeatChecker {
        private final String re;
        private int i;
        private String invalid;

        RepeatChecker(String re) {
            this.re = re;
        }

        String firstInvalid() {
            try {
                alternation();
            } catch (RuntimeException e) {
                return null; // re2j accepted it; we only add the one rule it lacks
            }
            return invalid;
        }

        /** Parses until ')' or the end; returns the largest product of repeat counts inside. */
        private long alternation() {
            long weight = 1;
            long atom = -1;
            while (i < re.length() && invalid == null) {
                char c = re.charAt(i);
                if (c == ')') break;
                if (c == '|') {
                    i++;
                    atom = -1;
                    continue;
                }
                if (c == '{' && isRepeat(re, i) && atom >= 0) {
                    int start = i;
                    int end = re.indexOf('}', i);
                    String body = re.substring(i + 1, end);
                    i = end + 1;
                    int comma = body.indexOf(',');
                    int min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                    int max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
                    if (i < re.length() && re.charAt(i) == '?') i++;
                    int m = max < 0 ? min : max;
                    long w;
                    if (m == 0) {
                        w = 1;
                    } else {
                        w = m * atom;
                        if ((min >= 2 || max >= 2) && w > 1000) {
                            invalid = re.substring(start, i);
                            return weight;
                        }
                    }
                    atom = w;
                    weight = Math.max(weight, w);
                    continue;
                }
                if (c == '*' || c == '+' || c == '?') {
                    i++;
                    continue;
                }
                // A flags group such as (?i) adds no atom: a repetition after it applies to the atom before it.
                long a = atom();
                if (a >= 0) atom = a;
                weight = Math.max(weight, atom);
            }
            return weight;
        }

        /** One atom; returns its inner weight. */
        private long atom() {
            char c = re.charAt(i);
            if (c == '\\') {
                if (re.startsWith("\\Q", i)) {
                    int end = re.indexOf("\\E", i + 2);
                    i = end < 0 ? re.length() : end + 2;
                    return 1;
                }
                i += 2;
                if (i <= re.length() && i - 1 < re.length() && "pPx".indexOf(re.charAt(i - 1)) >= 0
                        && i < re.length() && re.charAt(i) == '{') {
                    i = re.indexOf('}', i) + 1;
                } else if (i - 1 < re.length() && "pP".indexOf(re.charAt(i - 1)) >= 0) {
                    i++;
                } else if (i - 1 < re.length() && re.charAt(i - 1) == 'x') {
                    i += 2;
                }
                return 1;
            }
            if (c == '[') {
                i++;
                if (i < re.length() && re.charAt(i) == '^') i++;
                if (i < re.length() && re.charAt(i) == ']') i++;
                while (i < re.length() && re.charAt(i) != ']') {
                    if (re.charAt(i) == '\\') {
                        i += 2;
                    } else if (re.startsWith("[:", i) && re.indexOf(":]", i + 2) > 0) {
                        i = re.indexOf(":]", i + 2) + 2;
                    } else {
                        i++;
                    }
                }
                i++;
                return 1;
            }
            if (c == '(') {
                i++;
                if (re.startsWith("?", i)) {
                    int close = re.indexOf(')', i);
                    int colon = re.indexOf(':', i);
                    if (re.startsWith("?P<", i) || re.startsWith("?<", i)) {
                        i = re.indexOf('>', i) + 1;
                    } else if (colon >= 0 && (close < 0 || colon < close)) {
                        i = colon + 1;
                    } else {
                        // A flags group such as (?i) is not an atom.
                        i = close + 1;
                        return -1;
                    }
                }
                long w = alternation();
                i++;
                return w;
            }
            i++;
            return 1;
        }
    }
}
