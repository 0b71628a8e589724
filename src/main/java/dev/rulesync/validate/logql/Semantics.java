package dev.rulesync.validate.logql;

import dev.rulesync.validate.SemanticAnalysis;
import dev.rulesync.validate.ExprFinding;
import dev.rulesync.validate.ExpressionAnalysis;
import dev.rulesync.validate.LabelBound;
import dev.rulesync.validate.SemanticAnalyzer;
import dev.rulesync.validate.SemanticChecks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The semantic checks of a valid LogQL metric query, where PromQL's ideas apply: which labels the result can
 * carry (a {@code sum by}, {@code without}, a grouped range aggregation or {@code absent_over_time} removes
 * labels that alert templates may still use), stream matchers that cannot all hold, aggregations by labels
 * already removed, and regexps that are plain strings. Parsers in a pipeline can add any label, so only what an
 * aggregation or {@code drop} removes is certain.
 */
public final class Semantics implements SemanticAnalyzer {

    /** The analysis of a valid LogQL metric query's tree; null for a tree of another language. */
    @Override
    public SemanticAnalysis analyze(String expr, ExpressionAnalysis parsed, boolean alert) {
        if (!(parsed.tree() instanceof Ast.SampleExpr tree)) return null;
        Walk w = new Walk(expr);
        LabelBound out = w.labels(tree);
        return new SemanticAnalysis(parsed.canonical(), Set.of(), out, w.findings, w.rate);
    }

    private static final class Walk {
        final String text;
        final List<ExprFinding> findings = new ArrayList<>();
        final Set<Ast.Matchers> seen = new java.util.HashSet<>();
        boolean rate;

        Walk(String text) {
            this.text = text;
        }

        /** The code-point span of the first match of {@code p}, or the whole expression. */
        void add(String check, String message, Pattern p) {
            Matcher m = p == null ? null : p.matcher(text);
            if (m != null && m.find()) {
                findings.add(new ExprFinding(check, message, text.codePointCount(0, m.start()),
                        text.codePointCount(0, m.end())));
            } else {
                findings.add(ExprFinding.whole(check, message));
            }
        }

        LabelBound labels(Ast.Expr e) {
            return switch (e) {
                case Ast.Matchers m -> selector(m, List.of());
                case Ast.Pipeline p -> selector(p.left(), p.stages());
                case Ast.RangeAggregation r -> range(r);
                case Ast.VectorAggregation v -> vector(v);
                case Ast.BinOp b -> binary(b);
                case Ast.Literal l -> LabelBound.NONE;
                case Ast.VectorLiteral l -> LabelBound.NONE;
                case Ast.LabelReplace l -> labels(l.left()).drop(Set.of(l.dst())).add(Set.of(l.dst()));
                case Ast.Variants v -> {
                    v.variants().forEach(this::labels);
                    yield LabelBound.ANY;
                }
            };
        }

        LabelBound selector(Ast.Matchers sel, List<Ast.Stage> stages) {
            Set<String> present = new TreeSet<>();
            Map<String, List<SemanticChecks.Match>> byLabel = new HashMap<>();
            boolean first = seen.add(sel);
            for (Ast.Matcher m : sel.matchers()) {
                if (m.type() == Ast.MatchType.EQ && !m.value().isEmpty()) present.add(m.name());
                byLabel.computeIfAbsent(m.name(), k -> new ArrayList<>())
                        .add(new SemanticChecks.Match(m.type().symbol, m.value()));
                if (first && (m.type() == Ast.MatchType.RE || m.type() == Ast.MatchType.NRE)) {
                    String hint = SemanticChecks.regexpHint(m.name(), m.type().symbol, m.value(),
                            sel.matchers().size() > 1);
                    if (hint != null) {
                        add("logql/regexp", hint, Pattern.compile("(?<![\\w\"])" + Pattern.quote(m.name())
                                + "\\s*" + Pattern.quote(m.type().symbol)));
                    }
                }
            }
            for (var e : byLabel.entrySet()) {
                String why = SemanticChecks.conflict(e.getValue());
                if (why != null && first) {
                    add("logql/impossible", "`" + sel.print() + "` can never select a stream: the matchers on "
                            + e.getKey() + " cannot all hold (" + why + ")", Pattern.compile("\\{[^}]*\\}"));
                }
            }
            LabelBound out = new LabelBound(false, Set.of(), present);
            for (Ast.Stage s : stages) {
                if (s instanceof Ast.DropOrKeep d && d.drop()) {
                    Set<String> dropped = new LinkedHashSet<>();
                    // `drop x="v"` drops x only where it has that value
                    for (Ast.NamedMatcher nm : d.labels()) if (nm.matcher() == null) dropped.add(nm.name());
                    out = out.drop(dropped);
                } else if (s instanceof Ast.LabelFormat || s instanceof Ast.JsonParser || s instanceof Ast.LogfmtParser
                        || s instanceof Ast.LineParser || s instanceof Ast.DropOrKeep) {
                    out = new LabelBound(false, Set.of(), out.present()); // may add or remove any label
                }
            }
            return out;
        }

        LabelBound range(Ast.RangeAggregation r) {
            if (r.op().equals("rate") || r.op().equals("rate_counter") || r.op().equals("bytes_rate")) rate = true;
            LabelBound in = labels(r.left().left());
            if (r.op().equals("absent_over_time")) {
                Set<String> eq = new TreeSet<>();
                for (Ast.Matcher m : r.left().left().selector().matchers()) {
                    if (m.type() == Ast.MatchType.EQ && !m.value().isEmpty()) eq.add(m.name());
                }
                return LabelBound.closed(eq, eq);
            }
            return group(r.op(), in, r.grouping());
        }

        LabelBound vector(Ast.VectorAggregation v) {
            LabelBound in = labels(v.left());
            if (Set.of("topk", "bottomk", "sort", "sort_desc", "approx_topk").contains(v.op())
                    && (v.grouping() == null || !v.grouping().without())) {
                if (v.grouping() != null) byAbsent(v.op(), in, v.grouping());
                return in;
            }
            return group(v.op(), in, v.grouping());
        }

        LabelBound group(String op, LabelBound in, Ast.Grouping g) {
            if (g == null) return in;
            if (g.without()) return in.drop(Set.copyOf(g.labels()));
            byAbsent(op, in, g);
            return in.keep(Set.copyOf(g.labels()));
        }

        void byAbsent(String op, LabelBound in, Ast.Grouping g) {
            if (g.without()) return;
            for (String l : g.labels()) {
                if (in.absent(l)) {
                    add("logql/impossible", "`" + op + " by (" + l + ")` groups by " + l + ", which its input "
                            + "has already removed", Pattern.compile("\\bby\\s*\\([^)]*?\\b(" + Pattern.quote(l)
                            + ")\\b"));
                }
            }
        }

        LabelBound binary(Ast.BinOp b) {
            LabelBound l = labels(b.lhs());
            LabelBound r = labels(b.rhs());
            boolean ls = b.lhs() instanceof Ast.Literal;
            boolean rs = b.rhs() instanceof Ast.Literal;
            if (ls && rs) return LabelBound.NONE;
            if (ls) return r;
            if (rs) return l;
            Ast.BinOpOptions o = b.opts();
            String op = b.op();
            if (op.equals("or")) return l.union(r);
            if (op.equals("and") || op.equals("unless")) return l;
            Set<String> ml = o.matchingLabels() == null ? Set.of() : Set.copyOf(o.matchingLabels());
            return switch (o.card()) {
                case ONE_TO_ONE -> o.on() ? l.keep(ml) : l.drop(ml);
                case MANY_TO_ONE -> include(l, r, o.include());
                case ONE_TO_MANY -> include(r, l, o.include());
            };
        }

        static LabelBound include(LabelBound many, LabelBound one, List<String> include) {
            LabelBound out = many;
            if (include == null) return out;
            for (String x : include) out = one.absent(x) ? out.drop(Set.of(x)) : out.add(Set.of(x));
            return out;
        }
    }
}
