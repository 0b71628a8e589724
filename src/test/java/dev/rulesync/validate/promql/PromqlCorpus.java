package dev.rulesync.validate.promql;

import dev.rulesync.testsupport.Corpora;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions of the differential suite and benchmark: real rule files and Prometheus' own PromQL test scripts,
 * from the pinned Go modules (see {@link Corpora}).
 */
final class PromqlCorpus {

    private PromqlCorpus() {
    }

    /** Every rule expr in the real rule files (plain and PrometheusRule objects). */
    static List<String> ruleExpressions() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : Corpora.promqlRuleFiles()) {
            try (Reader r = Files.newBufferedReader(f)) {
                for (Object doc : new Yaml().loadAll(r)) collectExprs(doc, out);
            }
        }
        return out;
    }

    private static void collectExprs(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                if ("expr".equals(e.getKey()) && e.getValue() != null && !(e.getValue() instanceof Map) && !(e.getValue() instanceof List)) {
                    out.add(String.valueOf(e.getValue()));
                } else {
                    collectExprs(e.getValue(), out);
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object o : l) collectExprs(o, out);
        }
    }

    private static final Pattern EVAL = Pattern.compile(
            "^\\s*eval(?:_fail|_warn|_info|_ordered)?\\s+(?:instant\\s+at\\s+\\S+|range\\s+from\\s+\\S+\\s+to\\s+\\S+\\s+step\\s+\\S+)\\s+(.*)$");

    /** The expression of every eval line in the promqltest scripts. */
    static List<String> promqltestExpressions() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : Corpora.promqlTestScripts()) {
            for (String line : Files.readAllLines(f)) {
                Matcher m = EVAL.matcher(line);
                if (m.matches()) out.add(m.group(1).strip());
            }
        }
        return out;
    }

    /**
     * Invalid (mostly) variants of valid expressions, made deterministically from their tokens: delete a token,
     * duplicate a token, swap a bracket for its partner, drop the last character, insert a stray operator.
     */
    static List<String> mutations(List<String> sources, int perSource) {
        // -Dpromql.fuzz.seed=N explores other mutations; CI uses the fixed default.
        Random random = new Random(Long.getLong("promql.fuzz.seed", 20261123L));
        List<String> out = new ArrayList<>();
        for (String src : sources) {
            var lexer = new PromQLLexer(org.antlr.v4.runtime.CharStreams.fromString(src));
            lexer.removeErrorListeners();
            var tokens = lexer.getAllTokens();
            if (tokens.isEmpty()) continue;
            for (int k = 0; k < perSource; k++) {
                var t = tokens.get(random.nextInt(tokens.size()));
                int s = src.offsetByCodePoints(0, t.getStartIndex());
                int e = src.offsetByCodePoints(0, t.getStopIndex() + 1);
                int at = random.nextInt(src.length() + 1);
                String mutated = switch (random.nextInt(12)) {
                    case 0 -> src.substring(0, s) + src.substring(e);
                    case 1 -> src.substring(0, e) + " " + src.substring(s, e) + src.substring(e);
                    case 2 -> src.substring(0, s) + swap(src.substring(s, e)) + src.substring(e);
                    case 3 -> src.substring(0, Math.max(0, src.length() - 1));
                    case 4 -> src.substring(0, s) + List.of("+ ", "by ", ", ", "offset ", "[5m] ", "@ ", "bool ").get(random.nextInt(7)) + src.substring(s);
                    case 5 -> src.substring(0, s) + src.substring(s, e).toUpperCase() + src.substring(e);
                    case 6 -> {
                        // Swap this token with the next one.
                        int idx = tokens.indexOf(t);
                        if (idx + 1 >= tokens.size()) yield src + " )";
                        var u = tokens.get(idx + 1);
                        int us = src.offsetByCodePoints(0, u.getStartIndex());
                        int ue = src.offsetByCodePoints(0, u.getStopIndex() + 1);
                        yield src.substring(0, s) + src.substring(us, ue) + src.substring(e, us) + src.substring(s, e) + src.substring(ue);
                    }
                    case 7 -> src.substring(0, s) + REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())) + src.substring(e);
                    case 8 -> src.substring(0, e) + REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())) + src.substring(e);
                    // Character-level: insert, delete or replace one character, to exercise the lexer.
                    case 9 -> src.substring(0, at) + CHARS.charAt(random.nextInt(CHARS.length())) + src.substring(at);
                    case 10 -> at < src.length() ? src.substring(0, at) + src.substring(at + 1) : src + "\\";
                    default -> at < src.length()
                            ? src.substring(0, at) + CHARS.charAt(random.nextInt(CHARS.length())) + src.substring(at + 1)
                            : src + ".";
                };
                out.add(mutated);
            }
        }
        return out;
    }

    /** Tokens and fragments that are valid somewhere in PromQL, to put where they may not be. */
    private static final List<String> REPLACEMENTS = List.of("on", "by", "offset", "bool", "-", "^", "[1m]", "[5m:]",
            "@ start()", "anchored", "smoothed", "fill(0)", "group_left", "without", "or", "and", "==", "=~", "\"x\"",
            "'y'", "`z`", "1e3", "0x1f", "5m", "-1", "Inf", "NaN", "{a=\"b\"}", "(", ")", ",", ":", "#c\n", "step()",
            "sum", "topk", "count_values", "rate", "abs", "time()", "min_of(1m, 2m)", "limitk", "info", "__name__");

    private static final String CHARS = "()[]{}<>=!~+-*/%^@,:;.#_\"'`\\ \n\t0123456789eExXsmhdwyabfnrtuvAZé";

    private static String swap(String tok) {
        return switch (tok) {
            case "(" -> ")";
            case ")" -> "(";
            case "[" -> "]";
            case "]" -> "[";
            case "{" -> "}";
            case "}" -> "{";
            default -> "(" + tok;
        };
    }
}
