package dev.rulesync.validate.promql;

import dev.rulesync.validate.SemanticAnalysis;
import dev.rulesync.validate.ExprFinding;
import dev.rulesync.validate.ExpressionAnalysis;
import dev.rulesync.validate.LabelBound;
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
 * The semantic checks of a valid PromQL expression, in one walk of its tree: which labels each part's result can
 * carry (so that a template or an outer aggregation using a removed label is found), matchers that cannot all
 * hold, binary operations whose sides can never match, regexps that are plain strings, alerts without a
 * condition, fragile and NaN-prone constructs, and rates over aggregated counters. Only what follows from the
 * expression with certainty is reported; everything that depends on the data stays silent.
 */
public final class Semantics implements dev.rulesync.validate.SemanticAnalyzer {

    private static final Set<String> SELECTING = Set.of("topk", "bottomk", "limitk", "limit_ratio");
    private static final Set<String> ARITHMETIC_AGGREGATIONS = Set.of("sum", "avg", "stddev", "stdvar");
    private static final Set<String> RATES = Set.of("rate", "irate", "increase", "deriv", "delta", "idelta");
    private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase", "resets");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", ">", "<", ">=", "<=");

    /** The analysis of a valid PromQL expression's tree; null for a tree of another language. */
    @Override
    public SemanticAnalysis analyze(String expr, ExpressionAnalysis parsed, boolean alert) {
        if (!(parsed.tree() instanceof Node root)) return null;
        Walk w = new Walk(expr, alert);
        w.top = Walk.alertSeries(root);
        LabelBound out = w.labels(root);
        w.rate = Walk.valueIsRate(root);
        if (alert) w.condition(root);
        return new SemanticAnalysis(parsed.canonical(), w.metrics, out, w.findings, w.rate);
    }

    private static final class Walk {
        final String text;
        final boolean alert;
        final List<ExprFinding> findings = new ArrayList<>();
        final Set<String> metrics = new TreeSet<>();
        boolean rate;
        /** The node whose series become the alerts: the root through parentheses and filters. */
        Node top;

        Walk(String text, boolean alert) {
            this.text = text;
            this.alert = alert;
        }

        void add(String check, String message, int start, int end) {
            findings.add(new ExprFinding(check, message, start, end));
        }

        String src(Node n) {
            return slice(n.start(), n.end());
        }

        String slice(int start, int end) {
            int s = text.offsetByCodePoints(0, Math.min(start, text.codePointCount(0, text.length())));
            int e = text.offsetByCodePoints(0, Math.min(end, text.codePointCount(0, text.length())));
            String t = text.substring(s, e).strip().replaceAll("\\s+", " ");
            return t.length() > 60 ? t.substring(0, 57) + "..." : t;
        }

        /** Code-point offset of the first match of {@code p} in [from, to), or -1; group 1 when the pattern has one. */
        int[] find(Pattern p, int from, int to) {
            int s = text.offsetByCodePoints(0, from);
            int e = text.offsetByCodePoints(0, Math.min(to, text.codePointCount(0, text.length())));
            Matcher m = p.matcher(text).region(s, e);
            if (!m.find()) return null;
            int g = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
            return new int[]{text.codePointCount(0, m.start(g)), text.codePointCount(0, m.end(g))};
        }

        /** The span of label {@code name} inside a by/without/on/ignoring/group_x list after {@code from}. */
        int[] labelSpan(String keyword, String name, Node n) {
            Pattern p = Pattern.compile("\\b" + keyword + "\\s*\\([^)]*?(?<![\\w\"])(\"?" + Pattern.quote(name)
                    + "\"?)(?![\\w\"])");
            int[] at = find(p, n.start(), n.end());
            return at != null ? at : new int[]{n.start(), n.end()};
        }

        LabelBound labels(Node n) {
            return switch (n) {
                case Node.NumberLiteral x -> LabelBound.NONE;
                case Node.StringLiteral x -> LabelBound.NONE;
                case Node.DurationExpr x -> LabelBound.NONE;
                case Node.VectorSelector v -> selector(v);
                case Node.MatrixSelector m -> labels(m.selector());
                case Node.SubqueryExpr s -> labels(s.expr());
                case Node.ParenExpr p -> labels(p.expr());
                case Node.UnaryExpr u -> labels(u.expr());
                case Node.AggregateExpr a -> aggregate(a);
                case Node.Call c -> call(c);
                case Node.BinaryExpr b -> binary(b);
            };
        }

        // ---- selectors: impossible matchers, plain-string regexps ----

        LabelBound selector(Node.VectorSelector v) {
            Map<String, List<Node.Matcher>> byLabel = new HashMap<>();
            if (!v.name().isEmpty()) {
                metrics.add(v.name());
                byLabel.computeIfAbsent("__name__", k -> new ArrayList<>())
                        .add(new Node.Matcher("__name__", Node.Matcher.MatchType.EQUAL, v.name()));
            }
            Set<String> present = new TreeSet<>();
            for (Node.Matcher m : v.matchers()) {
                if (m.name().equals("__name__") && m.type() == Node.Matcher.MatchType.EQUAL && v.name().isEmpty()) {
                    metrics.add(m.value());
                }
                if (m.type() == Node.Matcher.MatchType.EQUAL && !m.value().isEmpty() && !m.name().equals("__name__")) {
                    present.add(m.name());
                }
                if (m.name().isEmpty()) continue;
                byLabel.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
                regexp(v, m, v.matchers().size() + (v.name().isEmpty() ? 0 : 1) > 1);
            }
            for (var e : byLabel.entrySet()) {
                String why = SemanticChecks.conflict(e.getValue().stream()
                        .map(m -> new SemanticChecks.Match(m.type().symbol, m.value())).toList());
                if (why != null) {
                    add("promql/impossible", "`" + src(v) + "` can never select anything: the matchers on "
                            + e.getKey() + " cannot all hold (" + why + ")", v.start(), v.end());
                }
            }
            return new LabelBound(false, Set.of(), present);
        }

        void regexp(Node.VectorSelector v, Node.Matcher m, boolean others) {
            if (m.type() != Node.Matcher.MatchType.REGEX && m.type() != Node.Matcher.MatchType.NOT_REGEX) return;
            String hint = SemanticChecks.regexpHint(m.name(), m.type().symbol, m.value(), others);
            if (hint != null) {
                int[] at = find(Pattern.compile(Pattern.quote(m.name()) + "\\s*" + Pattern.quote(m.type().symbol)),
                        v.start(), v.end());
                add("promql/regexp", hint, at == null ? v.start() : at[0], at == null ? v.end() : at[1]);
            }
        }

        // ---- aggregations ----

        LabelBound aggregate(Node.AggregateExpr a) {
            if (a.param() != null) labels(a.param());
            LabelBound in = labels(a.expr());
            Set<String> grouping = new LinkedHashSet<>(a.grouping());
            if (!a.without()) {
                for (String g : grouping) {
                    if (in.absent(g)) {
                        int[] at = labelSpan("by", g, a);
                        add("promql/impossible", "`" + a.op() + " by (" + g + ")` groups by " + g + ", but `"
                                + src(a.expr()) + "` has no " + g + " label", at[0], at[1]);
                    }
                }
            }
            if (alert && SELECTING.contains(a.op()) && a.grouping().isEmpty() && !a.without() && a == top) {
                add("promql/fragile", "`" + a.op() + "` in an alert: which series it keeps changes between "
                        + "evaluations, so alerts resolve and fire again as the ranking moves", a.start(),
                        a.start() + a.op().length());
            }
            if (ARITHMETIC_AGGREGATIONS.contains(a.op())) {
                Node.BinaryExpr div = division(a.expr());
                if (div != null) {
                    add("promql/nan", "`" + div.op() + "` inside `" + a.op() + "`: one series dividing by zero "
                            + "gives NaN or Inf, which turns the whole " + a.op() + " into NaN or Inf; filter "
                            + "the divisor (`> 0`) or aggregate before dividing", div.opStart(), div.opEnd());
                }
            }
            if (SELECTING.contains(a.op())) return in;
            LabelBound out = a.without() ? in.drop(union(grouping, Set.of("__name__"))) : in.keep(grouping);
            if (a.op().equals("count_values") && a.param() instanceof Node.StringLiteral s) {
                out = out.add(Set.of(s.value()));
            }
            return out;
        }

        /** A vector / or % whose divisor is not a constant, directly under an aggregation (not in a nested one). */
        Node.BinaryExpr division(Node n) {
            return switch (n) {
                case Node.ParenExpr p -> division(p.expr());
                case Node.BinaryExpr b when (b.op().equals("/") || b.op().equals("%")) && b.rhs().type() == ValueType.VECTOR
                        && !guarded(b.rhs()) -> b;
                case Node.BinaryExpr b when !COMPARISONS.contains(b.op()) -> {
                    Node.BinaryExpr l = division(b.lhs());
                    yield l != null ? l : division(b.rhs());
                }
                default -> null;
            };
        }

        /** A divisor filtered to non-zero values ({@code x > 0}) or clamped away from zero. */
        static boolean guarded(Node n) {
            return switch (n) {
                case Node.ParenExpr p -> guarded(p.expr());
                case Node.BinaryExpr b -> COMPARISONS.contains(b.op()) && !b.returnBool()
                        || (b.op().equals("and") || b.op().equals("unless")) && guarded(b.lhs());
                case Node.Call c -> c.function().name().equals("clamp_min") || c.function().name().equals("clamp");
                default -> false;
            };
        }

        // ---- function calls ----

        LabelBound call(Node.Call c) {
            String fn = c.function().name();
            List<LabelBound> args = new ArrayList<>();
            for (Node a : c.args()) args.add(labels(a));
            if (COUNTER_FUNCTIONS.contains(fn) && !c.args().isEmpty()) aggregatedCounter(c, fn);
            switch (fn) {
                case "absent", "absent_over_time" -> {
                    Set<String> eq = new TreeSet<>();
                    Node sel = c.args().getFirst();
                    if (sel instanceof Node.MatrixSelector m) sel = m.selector();
                    if (sel instanceof Node.VectorSelector v) {
                        for (Node.Matcher m : v.matchers()) {
                            if (m.type() == Node.Matcher.MatchType.EQUAL && !m.name().equals("__name__")
                                    && !m.value().isEmpty()) {
                                eq.add(m.name());
                            }
                        }
                    }
                    return LabelBound.closed(eq, eq);
                }
                case "label_replace", "label_join" -> {
                    if (c.args().size() > 1 && c.args().get(1) instanceof Node.StringLiteral dst) {
                        return args.getFirst().drop(Set.of(dst.value())).add(Set.of(dst.value()));
                    }
                    return args.getFirst();
                }
                case "histogram_quantile", "histogram_fraction" -> {
                    return args.getLast().drop(Set.of("le"));
                }
                case "info" -> {
                    LabelBound in = args.getFirst();
                    return new LabelBound(false, Set.of(), in.present());
                }
                default -> {
                }
            }
            if (c.function().returnType() != ValueType.VECTOR) return LabelBound.NONE;
            for (int i = 0; i < c.args().size(); i++) {
                ValueType t = c.args().get(i).type();
                if (t == ValueType.VECTOR || t == ValueType.MATRIX) return args.get(i);
            }
            return LabelBound.NONE; // vector(1), time-of-day functions without arguments
        }

        /** rate(sum(x_total)[5m:]): a counter reset in any one series shows as a drop of the sum. */
        void aggregatedCounter(Node.Call c, String fn) {
            if (!(c.args().getFirst() instanceof Node.SubqueryExpr sq)) return;
            Node inner = unparen(sq.expr());
            if (!(inner instanceof Node.AggregateExpr agg) || SELECTING.contains(agg.op())) return;
            Node sel = unparen(agg.expr());
            if (sel instanceof Node.VectorSelector v && v.name().endsWith("_total")) {
                add("promql/counter-aggregation", "`" + fn + "` over `" + agg.op() + "` of the counter "
                        + v.name() + ": a reset of any one series looks like a drop of the " + agg.op()
                        + ", so the result jumps; take the " + fn + " first: `" + agg.op() + "(" + fn + "("
                        + v.name() + "[...]))`", c.start(), c.end());
            }
        }

        /** The part of an alert's expression whose series become the alerts. */
        static Node alertSeries(Node n) {
            n = unparen(n);
            while (n instanceof Node.BinaryExpr b && (COMPARISONS.contains(b.op()) && !b.returnBool()
                    || b.op().equals("and") || b.op().equals("unless")) && b.lhs().type() == ValueType.VECTOR) {
                n = unparen(b.lhs());
            }
            return n;
        }

        /** Whether the alert's value is a rate: rate(...), or sum/avg/min/max of rates. */
        static boolean valueIsRate(Node n) {
            n = alertSeries(n);
            return switch (n) {
                case Node.Call c -> RATES.contains(c.function().name());
                case Node.AggregateExpr a -> Set.of("sum", "avg", "min", "max").contains(a.op()) && valueIsRate(a.expr());
                default -> false;
            };
        }

        static Node unparen(Node n) {
            while (n instanceof Node.ParenExpr p) n = p.expr();
            return n;
        }

        // ---- binary operations ----

        LabelBound binary(Node.BinaryExpr b) {
            LabelBound l = labels(b.lhs());
            LabelBound r = labels(b.rhs());
            boolean lv = b.lhs().type() == ValueType.VECTOR;
            boolean rv = b.rhs().type() == ValueType.VECTOR;
            if (!lv && !rv) return LabelBound.NONE;
            if (!lv) return r;
            if (!rv) return l;
            Node.VectorMatching m = b.matching();
            if (m == null) return l;
            String op = b.op();
            boolean set = op.equals("and") || op.equals("or") || op.equals("unless");
            if (m.on()) {
                for (String x : m.matchingLabels()) {
                    if (l.absent(x) && r.absent(x)) {
                        int[] at = labelSpan("on", x, b);
                        add("promql/impossible", "`on (" + x + ")` joins on " + x + ", but neither side has an "
                                + x + " label", at[0], at[1]);
                    }
                }
            }
            if (!op.equals("or")) {
                String never = neverMatch(l, r, m);
                if (never != null) {
                    add("promql/impossible", "the two sides of `" + op + "` can never match: " + never,
                            b.opStart(), b.opEnd());
                }
            }
            if (set) return op.equals("or") ? l.union(r) : l;
            return switch (m.card()) {
                case ONE_TO_ONE -> m.on() ? l.keep(Set.copyOf(m.matchingLabels()))
                        : l.drop(Set.copyOf(m.matchingLabels()));
                case MANY_TO_ONE -> include(l, r, m, b, "group_left");
                case ONE_TO_MANY -> include(r, l, m, b, "group_right");
                case MANY_TO_MANY -> l;
            };
        }

        /** group_x(labels) copies each label from the "one" side, and removes it where that side has none. */
        LabelBound include(LabelBound many, LabelBound one, Node.VectorMatching m, Node.BinaryExpr b, String kw) {
            LabelBound out = many;
            for (String x : m.include()) {
                if (one.absent(x)) {
                    int[] at = labelSpan(kw, x, b);
                    add("promql/impossible", "`" + kw + " (" + x + ")` copies " + x + " from the other side, "
                            + "which has no " + x + " label: the result loses " + x + " instead", at[0], at[1]);
                    out = out.drop(Set.of(x));
                } else {
                    out = out.add(Set.of(x));
                }
            }
            return out;
        }

        /** Why two sides never share a matching label set, or null when they may. */
        static String neverMatch(LabelBound l, LabelBound r, Node.VectorMatching m) {
            Set<String> keys = new TreeSet<>();
            if (m.on()) {
                keys.addAll(m.matchingLabels());
            } else {
                keys.addAll(l.present());
                keys.addAll(r.present());
                m.matchingLabels().forEach(keys::remove);
                keys.remove("__name__");
            }
            for (String x : keys) {
                if (l.present().contains(x) && r.absent(x)) {
                    return "the left side always has a " + x + " label, the right side never has one";
                }
                if (r.present().contains(x) && l.absent(x)) {
                    return "the right side always has a " + x + " label, the left side never has one";
                }
            }
            return null;
        }

        // ---- alerts: a condition ----

        void condition(Node root) {
            Node.BinaryExpr bool = boolComparison(root);
            if (bool != null) {
                add("alerts/comparison", "`" + bool.op() + " bool` returns 0 or 1 for every series instead of "
                        + "filtering, so the alert always fires; drop `bool`", bool.opStart(), bool.opEnd());
                return;
            }
            if (!hasSelector(root) || filters(root)) return;
            add("alerts/comparison", "the alert has no condition: it fires for every series `" + src(root)
                    + "` returns, whatever the value; compare it with a threshold (for example `> 0`)",
                    root.start(), root.end());
        }

        /** A top-level comparison with bool (through parentheses and set operations). */
        static Node.BinaryExpr boolComparison(Node n) {
            n = unparen(n);
            if (n instanceof Node.BinaryExpr b) {
                if (COMPARISONS.contains(b.op()) && b.returnBool()) return b;
            }
            return null;
        }

        /** Whether the expression can return nothing because something filters it. */
        static boolean filters(Node n) {
            return switch (n) {
                case Node.ParenExpr p -> filters(p.expr());
                case Node.UnaryExpr u -> filters(u.expr());
                case Node.BinaryExpr b -> switch (b.op()) {
                    case "==", "!=", ">", "<", ">=", "<=" -> !b.returnBool() || filters(b.lhs()) || filters(b.rhs());
                    case "and", "unless" -> true;
                    case "or" -> filters(b.lhs()) && filters(b.rhs());
                    default -> b.lhs().type() == ValueType.VECTOR && filters(b.lhs())
                            || b.rhs().type() == ValueType.VECTOR && filters(b.rhs());
                };
                case Node.AggregateExpr a -> filters(a.expr());
                case Node.Call c -> c.function().name().startsWith("absent")
                        || c.args().stream().anyMatch(Walk::filters);
                case Node.SubqueryExpr s -> filters(s.expr());
                default -> false;
            };
        }

        static boolean hasSelector(Node n) {
            return switch (n) {
                case Node.VectorSelector v -> true;
                case Node.MatrixSelector m -> true;
                case Node.SubqueryExpr s -> hasSelector(s.expr());
                case Node.ParenExpr p -> hasSelector(p.expr());
                case Node.UnaryExpr u -> hasSelector(u.expr());
                case Node.AggregateExpr a -> hasSelector(a.expr());
                case Node.Call c -> c.args().stream().anyMatch(Walk::hasSelector);
                case Node.BinaryExpr b -> hasSelector(b.lhs()) || hasSelector(b.rhs());
                default -> false;
            };
        }

        static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> out = new LinkedHashSet<>(a);
            out.addAll(b);
            return out;
        }
    }

}
