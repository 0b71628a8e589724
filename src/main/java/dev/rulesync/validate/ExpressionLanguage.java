package dev.rulesync.validate;

import java.util.List;

/**
 * An expression language the rulers understand (PromQL for Mimir, LogQL for Loki). Implementations are
 * stateless and thread-safe; one instance serves every rule.
 */
public interface ExpressionLanguage {

    /** Short name used in check names and messages, e.g. {@code promql}. */
    String name();

    /** Parses and type-checks {@code expr} as a rule expression; an empty list means it is valid. */
    List<ExprProblem> check(String expr);

    /**
     * Problems in an expression that {@link #check} accepts but that the ruler fails on each time it evaluates the
     * rule (for LogQL: a line_format template that does not parse, a line filter regexp that does not compile).
     * The ruler takes such a rule on upload, so this is separate from {@link #check}; callers only ask for
     * expressions {@link #check} accepted. The default finds nothing, for languages without such problems.
     */
    default List<ExprProblem> checkEvaluation(String expr) {
        return List.of();
    }

    /**
     * The canonical single-line form of a valid expression: two expressions have the same canonical form exactly
     * when their parse trees are equal. Throws {@link IllegalArgumentException} for an invalid expression.
     */
    String canonical(String expr);
}
