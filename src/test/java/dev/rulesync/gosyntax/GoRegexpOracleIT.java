package dev.rulesync.gosyntax;

import dev.rulesync.gosyntax.GoRegexp.Parsed;
import dev.rulesync.gosyntax.GoRegexp.Syntax;
import dev.rulesync.testsupport.GoOracle;
import dev.rulesync.testsupport.GoOracle.Answer;
import dev.rulesync.testsupport.GoOracle.Ask;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GoRegexp} against Go itself (tools/go-oracle): grafana's regexp/syntax.Parse, Go's regexp.Compile and
 * Prometheus' labels.NewFastRegexMatcher must give the same verdict, message, capture groups and empty-match answer
 * on edge cases and seeded random regexps.
 */
class GoRegexpOracleIT {

    private static final String[] PIECES = {"a", "b", "ab", "\u00e9", "\u65e5", "\uD83D\uDE00", ".", "^", "$", "|",
            "(", ")", "(?:", "(?i)", "(?i:", "(?-i)", "(?s-i:", "(?U)", "(?m)", "(?x)", "(?", "(?P<n>", "(?P<name1>",
            "(?<n>", "(?P<>", "(?P<a-b>", "(?P=n)", "(?'n'", "(?-)", "(?i-)", "(?--i)", "(?P<", "(?<", "*", "+", "?",
            "*?", "+?", "??", "{2}", "{2,}", "{2,5}", "{,3}", "{5,2}", "{1000}", "{1001}", "{02}", "{0}", "{0,0}", "{",
            "}", "{1", "{1,", "{100000000}", "{10}", "{3}?", "[", "]", "[a-z]", "[^a]", "[]a]", "[^]a]", "[a-]",
            "[z-a]", "[:alpha:]", "[[:alpha:]]", "[[:foo:]]", "[[:^space:]]", "[[:]", "[:", ":]", "-", "[\\d]",
            "[\\pL]", "[\\p{Greek}]", "[\\b]", "[\\Q]", "[\\x{10FFFF}-\\x00]", "\\", "\\d", "\\D", "\\s", "\\w",
            "\\W", "\\b", "\\B", "\\A", "\\z", "\\Z", "\\C", "\\Q", "\\E", "\\Qa*\\E", "\\1", "\\12", "\\8", "\\0",
            "\\07", "\\123", "\\x41", "\\x4", "\\xZZ", "\\x{263a}", "\\x{}", "\\x{110000}", "\\x{41", "\\pL", "\\pN",
            "\\p{Greek}", "\\p{Letter}", "\\p{greek}", "\\p{^Greek}", "\\P{L}", "\\p{Old_Italic}", "\\p{LC}",
            "\\p{Any}", "\\p{ASCII}", "\\p{Assigned}", "\\p{Cased_Letter}", "\\p", "\\p{", "\\p\u00e9", "\\\u00e9",
            "\\_", "\\.", "\\-", "\\a", "\\f", "\\t", "\\n", "\\r", "\\v", "\\e", "\\h", "\\k", " ", "\n", "/", ":",
            "\uFFFD", Inputs.rawByte(0xff), Inputs.rawByte(0x80), "\\" + Inputs.rawByte(0xc3)};

    /** Pieces that mostly make valid regexps, so that deeper structures get compared too. */
    private static final String[] VALID_PIECES = {"a", "bc", "\u00e9", ".", "^", "$", "|", "(", ")", "(?:", "(?i)",
            "(?P<n>", "(?<m>", "*", "+", "?", "{2}", "{0,3}", "{10}", "[a-z]", "[^\\d]", "\\pL", "\\p{Greek}",
            "\\x{263a}", "\\Qa.\\E", "\\b", "\\.", "[[:alpha:]]", "(a|b)", "(?:ab|ac)"};

    /** Regexps from a small grammar: valid by construction, nested, with every kind of node. */
    static List<String> grammar(int count) {
        java.util.Random random = new java.util.Random(Inputs.SEED ^ 3);
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        while (out.size() < count) out.add(expr(random, 4));
        return new ArrayList<>(out);
    }

    private static String expr(java.util.Random r, int depth) {
        int k = depth <= 0 ? r.nextInt(6) : r.nextInt(13);
        return switch (k) {
            case 0 -> new String[] {"a", "b", "xy", "\\.", "\\x41", "\u00e9"}[r.nextInt(6)];
            case 1 -> new String[] {".", "[a-c]", "[^\\n]", "\\d", "\\pL", "[[:space:]]", "\\p{Greek}"}[r.nextInt(7)];
            case 2 -> new String[] {"^", "$", "\\b", "\\B", "\\A", "\\z", "(?m)^", "(?m)$"}[r.nextInt(8)];
            case 3 -> "";
            case 4 -> "\\Q" + new String[] {"", "a", "*?"}[r.nextInt(3)] + "\\E";
            case 5 -> new String[] {"(?i)", "(?s)", "(?U)", "(?-i)"}[r.nextInt(4)] + "a";
            case 6, 7 -> expr(r, depth - 1) + expr(r, depth - 1);
            case 8 -> expr(r, depth - 1) + "|" + expr(r, depth - 1);
            case 9 -> "(" + expr(r, depth - 1) + ")";
            case 10 -> new String[] {"(?:", "(?P<g>", "(?<h>", "(?i:"}[r.nextInt(4)] + expr(r, depth - 1) + ")";
            default -> "(?:" + expr(r, depth - 1) + ")"
                    + new String[] {"*", "+", "?", "{0}", "{1}", "{2,}", "{0,3}", "*?", "{3}?"}[r.nextInt(9)];
        };
    }

    static List<String> edgeCases() {
        List<String> out = new ArrayList<>(List.of(
                // the examples
                "(?P<n>a)(?P<n>b)", "[[:]", "(a{1000}){1000}",
                "", "a", "(", ")", "a)", "(a", "x{*", "a+{+", "build.{*", "a**", "a*?*", "a{2}{3}", "a{2}*", "(?i)*",
                "a(?i)*", "a*(?i)*", "^*", "$+", "\\b*", "(?:)*", "()*", "(|a)*", "|*", "*", "{2}", "{2000}", "a{2000}",
                "a{1000}", "a{1001}", "a{1000,}", "a{,1000}", "a{0,1001}", "((a{10}){10}){10}", "((a{10}){10}){11}",
                "(a{1000}){1}", "((a{1000}){1}){2}", "(a{0}){1000}", "((a{0,}){1000}){2}", "(a{2}|b{501}){2}",
                "(?:a{2}b{500}){2}", "(?:a{2}b{501}){2}", "x{1000}{0}", "\\8", "\\18", "\\Qab", "\\Q\\E*", "a\\Q\\E*",
                "[a-\\d]", "[\\d-z]", "[a-\\pL]", "[[:alpha:]-z]", "[\\x{10FFFF}-\\x{10FFFF}]", "[\\x{110000}]",
                "\\p{Greek", "\\p{Gre" + Inputs.rawByte(0xff) + "}", "(?P<" + Inputs.rawByte(0xff) + ">a)",
                "(?P<n" + Inputs.rawByte(0xff), "a" + Inputs.rawByte(0xff) + "b", "\\Qa" + Inputs.rawByte(0xff),
                "[" + Inputs.rawByte(0xff) + "]", "a|b|c", "a||b", "a|", "|", "foo|bar", "foo|ba.r", "\\.", "a.b",
                "^$", "\\A\\z", "\\b", "\\B", "(?m)^$", "a{0}", "(a|)", "(?:a|b)+", "[^\\x00-\\x{10FFFF}]",
                "(?P<a>x)(?<b>y)(z)", "(?<n>a)|(?<n>b)"));
        for (int depth : new int[] {998, 999, 1000, 1001}) {
            out.add("(".repeat(depth) + "a" + ")".repeat(depth));
            out.add("(?:".repeat(depth) + "a*" + ")*".repeat(depth));
            out.add("a" + "(?:b*)*".repeat(1) + "(".repeat(depth) + ")".repeat(depth));
        }
        out.add("(?:".repeat(20_000) + "a" + ")".repeat(20_000));
        out.add("(".repeat(20_000));
        out.add(")".repeat(3));
        out.add("(?:x{1000})".repeat(3300));
        out.add("(?:x{1000})".repeat(3400));
        for (String name : Stream.of(GoRegexp.CATEGORIES, GoRegexp.SCRIPTS, List.of("Any", "Assigned", "ASCII",
                "Ascii", "Cased_Letter", "Letter", "letter", "cntrl", "Cntrl", "digit", "punct", "Unassigned", "Lc",
                "lc", "lu", "LU", "greek", "GREEK", "Old Italic", "Olditalic", "old_italic", "Sign_Writing",
                "signwriting", "Old-Italic", "L_", "_L", "Lu ", "")).flatMap(c -> c.stream()).toList()) {
            out.add("\\p{" + name + "}");
            out.add("\\P{^" + name + "}");
            out.add("[\\p{" + name + "}]");
            out.add("(?i)\\p{" + name.toLowerCase() + "}");
            out.add("\\p{" + GoRegexp.canonicalName(name) + "}");
        }
        for (char c = '!'; c <= '~'; c++) {
            out.add("\\p" + c);
            out.add("\\" + c);
            out.add("[\\" + c + "]");
            out.add("[:" + c + ":]");
        }
        for (String posix : new String[] {"alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower",
                "print", "punct", "space", "upper", "word", "xdigit", "Alpha", "foo", ""}) {
            out.add("[[:" + posix + ":]]");
            out.add("[[:^" + posix + ":]]");
        }
        return out;
    }

    @Test
    void sameUnicodeClassNamesAsGo() {
        Answer go = GoOracle.ask(List.of(new Ask("unicode_names", ""))).getFirst();
        assertThat(go.str()).as("Unicode version of Go's tables").isEqualTo("15.0.0");
        assertThat(names(go, "category:")).isEqualTo(GoRegexp.CATEGORIES);
        assertThat(names(go, "script:")).isEqualTo(GoRegexp.SCRIPTS);
        assertThat(names(go, "alias:").stream().map(GoRegexp::canonicalName).collect(Collectors.toSet()))
                .isEqualTo(GoRegexp.ALIASES);
    }

    private static Set<String> names(Answer go, String kind) {
        return go.names().stream().filter(n -> n.startsWith(kind)).map(n -> n.substring(kind.length()))
                .collect(Collectors.toSet());
    }

    @Test
    void sameAnswersAsGo() {
        List<String> inputs = Inputs.glued(edgeCases(), PIECES, 6, Inputs.count(12_000), 1);
        inputs.addAll(Inputs.glued(List.of(), VALID_PIECES, 10, Inputs.count(12_000), 2));
        inputs.addAll(grammar(Inputs.count(12_000)));
        List<Ask> asks = new ArrayList<>();
        for (String re : inputs) {
            asks.add(new Ask("regexp", re));
            asks.add(new Ask("regexp_go", re));
            asks.add(new Ask("matcher", re));
        }
        List<Answer> go = GoOracle.ask(asks);
        Disagreements d = new Disagreements("GoRegexp");
        int goErrors = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String re = inputs.get(i);
            compare(d, "regexp", re, GoRegexp.parse(re, Syntax.GRAFANA), go.get(3 * i));
            compare(d, "regexp_go", re, GoRegexp.parse(re, Syntax.GO), go.get(3 * i + 1));
            Parsed m = GoRegexp.matcher(re);
            Answer gm = go.get(3 * i + 2);
            d.check("matcher", re, verdict(m), gm.ok() ? "ok" + (gm.empty() ? " matches \"\"" : "") : gm.err());
            if (!go.get(3 * i).ok()) goErrors++;
        }
        System.out.println("GoRegexp: " + inputs.size() + " regexps, " + goErrors + " invalid for Go");
        d.assertNone();
        assertThat(goErrors).as("the generator makes both kinds").isBetween(inputs.size() / 5, inputs.size() * 4 / 5);
    }

    private static String verdict(Parsed m) {
        return m.ok() ? "ok" + (m.matchesEmpty() ? " matches \"\"" : "") : GoOracle.asJson(m.error());
    }

    private static void compare(Disagreements d, String what, String re, Parsed ours, Answer go) {
        d.check(what, re, ours.ok() ? "ok" : GoOracle.asJson(ours.error()), go.ok() ? "ok" : go.err());
        if (ours.ok() && go.ok()) {
            List<String> names = new ArrayList<>(List.of(""));
            names.addAll(ours.names());
            d.check(what + " groups", re, ours.captures() + " " + names, go.n() + " " + go.names());
        }
    }
}
