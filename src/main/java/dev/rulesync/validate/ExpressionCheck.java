package dev.rulesync.validate;

import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the expression language of the object's type over each rule and reports its problems as
 * {@code <language>/syntax} at the place in the file, mapped through the rule's expression locator.
 * When the expression is wrong in its own language but right in the other one, the type is the likelier
 * mistake, and the first problem says so (a PromQL rule routed to Loki, grafana/loki#14775).
 * A syntactically valid expression is then checked for what the ruler accepts on upload but fails on at every
 * evaluation ({@code <language>/evaluation}, for example a LogQL line_format template that does not parse).
 * The analysis goes back with the problems, so that the semantic checks read its tree instead of parsing again.
 */
public final class ExpressionCheck {

    private final ExpressionLanguages languages;

    public ExpressionCheck(ExpressionLanguages languages) {
        this.languages = languages;
    }

    /**
     * The rule's expression, analysed once, and its problems.
     *
     * @param analysis the analysis, or null when there is no expression or no language for the type
     * @param problems the syntax problems, or the evaluation problems of a valid expression
     */
    public record Checked(ExpressionAnalysis analysis, List<Problem> problems) {
        static final Checked NONE = new Checked(null, List.of());
    }

    public Checked check(RuleObject object, RuleGroup group, Rule rule, RuleType type) {
        if (rule.expr() == null || rule.expr().isBlank()) return Checked.NONE;
        ExpressionLanguage lang = languages.forType(type).orElse(null);
        if (lang == null) return Checked.NONE;
        ExpressionAnalysis analysis = lang.analyze(rule.expr());
        if (analysis.valid()) return new Checked(analysis, located(object, group, rule,
                analysis.evaluationProblems(), lang.name() + "/evaluation", ""));
        String hint = "";
        RuleType other = type == RuleType.METRICS ? RuleType.LOGS : RuleType.METRICS;
        ExpressionLanguage otherLang = languages.forType(other).orElse(null);
        if (otherLang != null && otherLang.analyze(rule.expr()).valid()) {
            hint = " (hint: this is a valid " + otherLang.name() + " expression; the type is probably wrong: "
                    + "should it be `" + other.label() + "`?)";
        }
        return new Checked(analysis, located(object, group, rule, analysis.problems(), lang.name() + "/syntax", hint));
    }

    /** The problems at their places in the file; {@code hint} goes with the first one. */
    private static List<Problem> located(RuleObject object, RuleGroup group, Rule rule, List<ExprProblem> found,
                                         String check, String hint) {
        List<Problem> out = new ArrayList<>(found.size());
        for (ExprProblem p : found) {
            Position at = rule.origin().exprLocator().locate(p.line(), p.column());
            if (!at.isKnown()) at = rule.origin().field("expr");
            out.add(new Problem(at, Severity.ERROR, check, p.message() + (out.isEmpty() ? hint : ""),
                    object.ref(), group.name(), rule.name()));
        }
        return out;
    }
}
