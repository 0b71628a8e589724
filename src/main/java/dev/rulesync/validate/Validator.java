package dev.rulesync.validate;

import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The validate stage for one object at a time, so that a controller can re-check only the objects that changed.
 * It runs the rule checks and, when the type is known, the expression language; then switches off what
 * configuration and the object's disable annotation say, and returns the verdict.
 */
public final class Validator {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::position)
            .thenComparing(Problem::check);

    private final ValidationOptions options;
    private final ExpressionCheck expressions;
    private final CheckSwitches switches;
    private final SemanticChecks semantics;

    public Validator(ValidationOptions options, ExpressionLanguages languages) {
        this.options = options;
        this.expressions = new ExpressionCheck(languages);
        this.switches = new CheckSwitches(options.disabled());
        this.semantics = new SemanticChecks(options.policy());
    }

    /**
     * @param object  the object
     * @param type    its type, or null when classification failed (expressions are then not checked)
     * @param earlier problems the earlier stages found on this object (reading, classifying); they are subject to
     *                the same switches
     * @param annotationsAt where the object's annotations sit, for problems with the disable annotation
     * @param values  where places inside label and annotation values are, for template problems
     */
    public ObjectVerdict validate(RuleObject object, RuleType type, List<Problem> earlier, Position annotationsAt,
                                  ValueLocators values) {
        List<Problem> all = new ArrayList<>(earlier);
        ValueLocators locators = values == null ? ValueLocators.NONE : values;
        all.addAll(RuleChecks.run(options, locators, object, type));
        List<ObjectVerdict.RuleAnalysis> analyses = new ArrayList<>();
        for (RuleGroup g : object.groups()) {
            semantics.group(object, g, all);
            for (Rule r : g.rules()) {
                ExpressionCheck.Checked expr = type == null ? ExpressionCheck.Checked.NONE
                        : expressions.check(object, g, r, type);
                all.addAll(expr.problems());
                // an expression that fails at every evaluation gets no semantic advice on top
                boolean valid = expr.problems().stream().noneMatch(p -> p.severity() == Severity.ERROR);
                SemanticAnalysis a = semantics.rule(object, g, r, valid ? expr.analysis() : null, locators, all);
                if (a != null) analyses.add(new ObjectVerdict.RuleAnalysis(g, r, a));
            }
        }
        List<Problem> kept = new ArrayList<>(switches.apply(object,
                annotationsAt == null || !annotationsAt.isKnown() ? object.at() : annotationsAt, all));
        kept.sort(ORDER);
        return new ObjectVerdict(object.ref(), kept, analyses);
    }

    /**
     * The problems a later stage found in {@code object} (the whole-tree checks) that its switches leave on:
     * configuration and the object's disable annotation apply to them as to the object's own.
     */
    public List<Problem> switched(RuleObject object, List<Problem> problems) {
        return switches.keep(object, problems);
    }

    public ObjectVerdict validate(RuleObject object, RuleType type, List<Problem> earlier, Position annotationsAt) {
        return validate(object, type, earlier, annotationsAt, ValueLocators.NONE);
    }

    public ObjectVerdict validate(RuleObject object, RuleType type) {
        return validate(object, type, List.of(), null, ValueLocators.NONE);
    }
}
