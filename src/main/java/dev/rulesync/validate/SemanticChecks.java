package dev.rulesync.validate;

import dev.rulesync.gosyntax.GoSyntaxException;
import dev.rulesync.gosyntax.PromDuration;
import dev.rulesync.model.Origin;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks that need the meaning of a valid expression (its tree, the labels its result carries), the team's
 * policy, and the group checks that go with them. Each finding is at the token that causes it, with its span.
 * Nothing here is an error unless the rule can never work: the ruler accepts all of it.
 */
public final class SemanticChecks {

    /** Prometheus and Loki look back this far for a sample: a longer group interval leaves gaps. */
    static final Duration STALENESS = Duration.ofMinutes(5);
    private static final Pattern META = Pattern.compile("[\\\\.+*?()\\[\\]{}|^$]");

    /** One per language; each reads only the trees of its own language. */
    private static final List<SemanticAnalyzer> ANALYZERS = List.of(new dev.rulesync.validate.promql.Semantics(),
            new dev.rulesync.validate.logql.Semantics());

    private final LintPolicy policy;

    public SemanticChecks(LintPolicy policy) {
        this.policy = policy == null ? LintPolicy.NONE : policy;
    }

    /** One matcher on a label: its operator ({@code =, !=, =~, !~}) and value. */
    public record Match(String op, String value) {
    }

    /**
     * Why matchers on one label cannot all hold, or null when they can. Only literal values and regexps that are
     * alternatives of literal strings are judged; any other regexp may match anything.
     */
    public static String conflict(List<Match> matches) {
        Set<String> eq = new LinkedHashSet<>();
        for (Match m : matches) if (m.op().equals("=")) eq.add(m.value());
        if (eq.size() > 1) {
            var it = eq.iterator();
            return "=\"" + it.next() + "\" and =\"" + it.next() + "\"";
        }
        String v = eq.isEmpty() ? null : eq.iterator().next();
        Set<String> allowed = null;
        for (Match m : matches) {
            Set<String> alts = m.op().endsWith("~") ? literalAlternatives(m.value()) : null;
            switch (m.op()) {
                case "!=" -> {
                    if (m.value().equals(v)) return "=\"" + v + "\" and !=\"" + v + "\"";
                }
                case "=~" -> {
                    if (alts == null) continue;
                    if (v != null && !alts.contains(v)) return "=\"" + v + "\" and =~\"" + m.value() + "\"";
                    if (allowed != null) {
                        allowed.retainAll(alts);
                        if (allowed.isEmpty()) return "two regexps without a common value";
                    } else {
                        allowed = new LinkedHashSet<>(alts);
                    }
                }
                case "!~" -> {
                    if (alts != null && v != null && alts.contains(v)) {
                        return "=\"" + v + "\" and !~\"" + m.value() + "\"";
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** {@code a|b|c}, optionally in one group, when every alternative is a plain string; else null. */
    static Set<String> literalAlternatives(String regex) {
        String r = regex;
        if (r.startsWith("(?:") && r.endsWith(")")) r = r.substring(3, r.length() - 1);
        else if (r.startsWith("(") && r.endsWith(")")) r = r.substring(1, r.length() - 1);
        Set<String> out = new LinkedHashSet<>();
        for (String part : r.split("\\|", -1)) {
            if (META.matcher(part).find()) return null;
            out.add(part);
        }
        return out;
    }

    /** A hint for a regexp matcher that says more than it needs to, or null. */
    public static String regexpHint(String label, String op, String value, boolean otherMatchers) {
        String plain = op.equals("=~") ? "=" : "!=";
        if (!META.matcher(value).find()) {
            return "`" + label + op + "\"" + value + "\"` is a plain string: regexps match the whole value, so `"
                    + label + plain + "\"" + value + "\"` means the same and is cheaper";
        }
        if (value.equals(".*") && op.equals("=~") && otherMatchers) {
            return "`" + label + "=~\".*\"` matches every series, also those without " + label + "; drop it";
        }
        if (value.startsWith("^") || value.endsWith("$") && !value.endsWith("\\$")) {
            return "`" + label + op + "\"" + value + "\"`: regexps are anchored at both ends already; the ^ and $ "
                    + "are redundant";
        }
        return null;
    }

    /** A duration the syntax checks have already accepted. */
    private static Duration duration(String text) {
        try {
            return Duration.ofNanos(PromDuration.parse(text));
        } catch (GoSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The group checks: an interval longer than the staleness window. */
    public void group(RuleObject object, RuleGroup g, List<Problem> out) {
        if (g.interval() == null || !PromDuration.isValid(g.interval())) return;
        Duration interval = duration(g.interval());
        if (interval.compareTo(STALENESS) <= 0) return;
        boolean gaps = false;
        for (Rule r : g.rules()) {
            if (!r.isAlert()) {
                gaps = true;
            } else if (r.keepFiringFor() == null || !PromDuration.isValid(r.keepFiringFor())
                    || duration(r.keepFiringFor()).compareTo(interval) < 0) {
                gaps = true;
            }
        }
        if (!gaps) return;
        Position at = g.origin().field("interval");
        out.add(new Problem(at, Checks.severity(Checks.GROUP_LONG_INTERVAL), Checks.GROUP_LONG_INTERVAL,
                "interval " + g.interval() + " is longer than the 5m a query looks back for a sample: recorded "
                        + "series have gaps between evaluations and alerts resolve in between (unless "
                        + "keep_firing_for >= the interval); use 5m or less", object.ref(), g.name(), null,
                endOfValue(at, g.interval()), List.of()));
    }

    /**
     * The semantic checks of one rule, and its policy checks.
     *
     * @param parsed the analysis of the rule's expression when the expression checks found no error in it, else
     *               null (only the policy is checked then)
     * @return what the semantic checks learned, or null when not analysed (no valid expression, or a language
     *         without semantic checks)
     */
    public SemanticAnalysis rule(RuleObject object, RuleGroup g, Rule r, ExpressionAnalysis parsed,
                                 ValueLocators values, List<Problem> out) {
        policy(object, g, r, out);
        if (parsed == null || !parsed.valid()) return null;
        SemanticAnalysis a = null;
        for (SemanticAnalyzer analyzer : ANALYZERS) {
            a = analyzer.analyze(r.expr(), parsed, r.isAlert());
            if (a != null) break;
        }
        if (a == null) return null;
        for (ExprFinding f : a.findings()) {
            Position at = f.start() < 0 ? r.origin().field("expr") : exprAt(r, f.start());
            Position end = f.start() < 0 ? Position.UNKNOWN : exprEnd(r, f.end());
            if (!at.isKnown()) {
                at = r.origin().field("expr");
                end = Position.UNKNOWN;
            }
            out.add(new Problem(at, Checks.severity(f.check()), f.check(), f.message(), object.ref(), g.name(),
                    r.name(), end, List.of()));
        }
        if (r.isAlert()) templates(object, g, r, a, values, out);
        return a;
    }

    private void templates(RuleObject object, RuleGroup g, Rule r, SemanticAnalysis a, ValueLocators values,
                           List<Problem> out) {
        for (String kind : List.of("labels", "annotations")) {
            Map<String, String> m = kind.equals("labels") ? r.labels() : r.annotations();
            for (Map.Entry<String, String> e : m.entrySet()) {
                String text = e.getValue();
                if (text == null || AlertTemplates.check(text).isPresent()) continue;
                Map<String, Position> f = r.origin().fields();
                Position start = f.getOrDefault("value:" + kind + "." + e.getKey(),
                        f.getOrDefault(kind + "." + e.getKey(), r.origin().at()));
                Origin.ExprLocator loc = values.at(start);
                for (AlertTemplates.Use u : AlertTemplates.uses(text)) {
                    Position at = valueAt(loc, text, u.offset(), start);
                    Position end = at == start ? Position.UNKNOWN : valueEnd(loc, text, u.offset() + u.length());
                    String where = kind + "." + e.getKey();
                    if (!u.value() && a.output().absent(u.label())) {
                        out.add(problem(object, g, r, at, end, Checks.ALERTS_TEMPLATE_LABEL, where + " uses label "
                                + u.label() + ", which `" + shortExpr(r.expr()) + "` never returns: "
                                + removedBy(a.output(), u.label()) + "; the template prints nothing there"));
                    } else if (u.value() && u.printed() && kind.equals("labels")) {
                        out.add(problem(object, g, r, at, end, Checks.ALERTS_TEMPLATE_VALUE, where + " uses the "
                                + "value: it changes at every evaluation, so each one starts a new alert and "
                                + "the old one resolves; put the value in an annotation"));
                    } else if (u.value() && u.bare() && a.usesRate()) {
                        out.add(problem(object, g, r, at, end, Checks.ALERTS_HUMANIZE, where + " prints the "
                                + "rate or increase as a raw float (like 0.0123456789); `{{ $value | humanize }}` (or "
                                + "humanizePercentage for a ratio) reads better"));
                    }
                }
            }
        }
    }

    private static String removedBy(LabelBound b, String label) {
        if (!b.closed()) return "the expression removes it";
        return b.names().isEmpty() ? "the result has no labels at all"
                : "the result carries at most " + String.join(", ", new java.util.TreeSet<>(b.names()));
    }

    private void policy(RuleObject object, RuleGroup g, Rule r, List<Problem> out) {
        if (policy.isEmpty()) return;
        boolean alert = r.isAlert();
        Map<String, Pattern> labels = alert ? policy.alertLabels() : policy.recordLabels();
        Position nameAt = r.origin().field(alert ? "alert" : "record");
        for (Map.Entry<String, Pattern> e : labels.entrySet()) {
            String v = r.labels().get(e.getKey());
            if (v == null) v = g.labels().get(e.getKey());
            Position at = r.origin().fields().getOrDefault("labels." + e.getKey(), nameAt);
            if (v == null || v.isEmpty()) {
                out.add(policyProblem(object, g, r, nameAt, Checks.POLICY_LABEL, (alert ? "alert" : "recording rule")
                        + " \"" + r.name() + "\" has no label " + e.getKey() + ", which the policy requires"));
            } else if (!matches(e.getValue(), v)) {
                out.add(policyProblem(object, g, r, at, Checks.POLICY_LABEL, "label " + e.getKey() + "=\"" + v
                        + "\" does not match the policy's pattern " + e.getValue().pattern()));
            }
        }
        if (alert) {
            for (Map.Entry<String, Pattern> e : policy.annotations().entrySet()) {
                String v = r.annotations().get(e.getKey());
                Position at = r.origin().fields().getOrDefault("annotations." + e.getKey(), nameAt);
                if (v == null || v.isEmpty()) {
                    out.add(policyProblem(object, g, r, nameAt, Checks.POLICY_ANNOTATION, "alert \"" + r.name()
                            + "\" has no annotation " + e.getKey() + ", which the policy requires"));
                } else if (!matches(e.getValue(), v)) {
                    out.add(policyProblem(object, g, r, at, Checks.POLICY_ANNOTATION, "annotation " + e.getKey()
                            + " does not match the policy's pattern " + e.getValue().pattern()));
                }
            }
        }
        Pattern name = alert ? policy.alertName() : policy.recordName();
        if (name != null && !r.name().isEmpty() && !matches(name, r.name())) {
            out.add(policyProblem(object, g, r, nameAt, Checks.POLICY_NAME, (alert ? "alert" : "recording rule")
                    + " name \"" + r.name() + "\" does not match the policy's pattern " + name.pattern()));
        }
        if (alert && (policy.minFor() != null || policy.maxFor() != null)) {
            String f = r.forDuration();
            if (f != null && !PromDuration.isValid(f)) return;
            Duration d = f == null ? Duration.ZERO : duration(f);
            Position at = r.origin().field(f == null ? "alert" : "for");
            if (policy.minFor() != null && d.compareTo(policy.minFor()) < 0) {
                out.add(policyProblem(object, g, r, at, Checks.POLICY_FOR, "`for` " + (f == null ? "is not set (0s),"
                        : f + " is") + " below the policy's minimum " + PromDuration.format(policy.minFor().toNanos())));
            }
            if (policy.maxFor() != null && d.compareTo(policy.maxFor()) > 0) {
                out.add(policyProblem(object, g, r, at, Checks.POLICY_FOR, "`for` " + f
                        + " is above the policy's maximum " + PromDuration.format(policy.maxFor().toNanos())));
            }
        }
    }

    private static boolean matches(Pattern p, String v) {
        return p.pattern().isEmpty() || p.matcher(v).matches();
    }

    private Problem policyProblem(RuleObject object, RuleGroup g, Rule r, Position at, String check, String msg) {
        return new Problem(at, policy.severity(), check, msg, object.ref(), g.name(), r.name().isEmpty() ? null : r.name());
    }

    private static Problem problem(RuleObject object, RuleGroup g, Rule r, Position at, Position end, String check,
                                   String message) {
        return new Problem(at, Checks.severity(check), check, message, object.ref(), g.name(), r.name(), end, List.of());
    }

    private static String shortExpr(String expr) {
        String t = expr.strip().replaceAll("\\s+", " ");
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    // ---- places: offsets in the expression or value text to the file ----

    /** The file position of code-point offset {@code cp} in the rule's expression. */
    static Position exprAt(Rule r, int cp) {
        int[] lc = lineColumn(r.expr(), r.expr().offsetByCodePoints(0, Math.min(cp, r.expr().codePointCount(0, r.expr().length()))));
        return r.origin().exprLocator().locate(lc[0], lc[1]);
    }

    /** Just after the character before code-point offset {@code cpEnd}: the exclusive end of a span. */
    static Position exprEnd(Rule r, int cpEnd) {
        if (cpEnd <= 0) return Position.UNKNOWN;
        return after(exprAt(r, cpEnd - 1));
    }

    private static Position valueAt(Origin.ExprLocator loc, String text, int index, Position fallback) {
        int[] lc = lineColumn(text, index);
        Position p = loc.locate(lc[0], lc[1]);
        return p.isKnown() ? p : fallback;
    }

    private static Position valueEnd(Origin.ExprLocator loc, String text, int endIndex) {
        if (endIndex <= 0) return Position.UNKNOWN;
        int[] lc = lineColumn(text, text.offsetByCodePoints(endIndex, -1));
        return after(loc.locate(lc[0], lc[1]));
    }

    private static Position after(Position p) {
        return p.isKnown() ? new Position(p.file(), p.line(), p.column() + 1) : p;
    }

    /** The exclusive end of a plain one-line value that starts at {@code at}. */
    private static Position endOfValue(Position at, String value) {
        if (!at.isKnown() || value.indexOf('\n') >= 0) return Position.UNKNOWN;
        return new Position(at.file(), at.line(), at.column() + value.codePointCount(0, value.length()));
    }

    /** 1-based line and code-point column of UTF-16 index {@code index} in {@code text}. */
    static int[] lineColumn(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[]{line, text.codePointCount(lineStart, Math.min(index, text.length())) + 1};
    }
}
