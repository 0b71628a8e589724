package dev.rulesync.validate.logql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of Loki's pattern parser ({@code | pattern "<ip> - <_> <status>"}): captures are {@code <name>} with
 * an ASCII letter or underscore first; {@code <_>} captures without a name; at least one named capture; no two
 * captures side by side; no name twice.
 */
final class LokiPattern {

    private LokiPattern() {
    }

    /** Null when Loki accepts the pattern, else its message (checked in Loki's order). */
    static String validate(String pattern) {
        if (pattern.isEmpty()) {
            return "parse error at line 1, col 1: syntax error: unexpected $end, expecting IDENTIFIER or LITERAL";
        }
        List<String> nodes = nodes(pattern);
        List<String> names = new ArrayList<>();
        for (String n : nodes) {
            if (n != null && !n.equals("<_>")) names.add(n.substring(1, n.length() - 1));
        }
        if (names.isEmpty()) return "at least one capture is required";
        String consecutive = consecutiveCaptures(nodes);
        if (consecutive != null) return consecutive;
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) return "duplicate capture name (" + n + "): invalid expression";
        }
        return null;
    }

    /** Loki's rules for a pattern line filter (|> and !>): only unnamed captures, never two side by side. */
    static String validateLineFilter(String pattern) {
        if (pattern.isEmpty()) return null;
        List<String> nodes = nodes(pattern);
        String consecutive = consecutiveCaptures(nodes);
        if (consecutive != null) return consecutive;
        for (String n : nodes) {
            if (n != null && !n.equals("<_>")) return "named captures are not allowed: found '" + n + "'";
        }
        return null;
    }

    /** The pattern's nodes in order: a capture's text, or null for a run of literal text. */
    private static List<String> nodes(String pattern) {
        List<String> nodes = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            int end = captureEnd(pattern, i);
            if (end < 0) {
                if (nodes.isEmpty() || nodes.getLast() != null) nodes.add(null);
                i += Character.charCount(pattern.codePointAt(i));
            } else {
                nodes.add(pattern.substring(i, end));
                i = end;
            }
        }
        return nodes;
    }

    /** Loki's error for two captures side by side (they could never be told apart), or null. */
    private static String consecutiveCaptures(List<String> nodes) {
        for (int k = 0; k + 1 < nodes.size(); k++) {
            if (nodes.get(k) != null && nodes.get(k + 1) != null) {
                return "found consecutive capture '" + nodes.get(k) + nodes.get(k + 1) + "': invalid expression";
            }
        }
        return null;
    }

    /** The end of a capture starting at {@code i}, or -1 when none starts there. */
    private static int captureEnd(String s, int i) {
        if (s.charAt(i) != '<' || i + 1 >= s.length()) return -1;
        char first = s.charAt(i + 1);
        if (!(isAsciiLetter(first) || first == '_')) return -1;
        int j = i + 2;
        while (j < s.length() && (isAsciiLetter(s.charAt(j)) || LokiLiterals.isAsciiDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '>' ? j + 1 : -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
