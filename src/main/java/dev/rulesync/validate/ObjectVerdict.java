package dev.rulesync.validate;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.Severity;

import java.util.List;

/**
 * All problems of one object, sorted by position, and what the semantic checks learned of each rule with a valid
 * expression (the input of the whole-tree stage, {@link TreeChecks}). An object with any ERROR is invalid and is
 * not synced.
 */
public record ObjectVerdict(ObjectRef ref, List<Problem> problems, List<RuleAnalysis> analyses) {

    /** One rule with a valid expression and its analysis. */
    public record RuleAnalysis(RuleGroup group, Rule rule, SemanticAnalysis analysis) {
    }

    public ObjectVerdict {
        problems = List.copyOf(problems);
        analyses = analyses == null ? List.of() : List.copyOf(analyses);
    }

    public ObjectVerdict(ObjectRef ref, List<Problem> problems) {
        this(ref, problems, List.of());
    }

    public boolean valid() {
        return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }
}
