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
     * The canonical single-line form of a valid expression: two expressions have the same canonical form exactly
     * when their parse trees are equal. Throws {@link IllegalArgumentException} for an invalid expression.
     */
    String canonical(String expr);
}
