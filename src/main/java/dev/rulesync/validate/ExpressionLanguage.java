package dev.rulesync.validate;

/**
 * An expression language the rulers understand (PromQL for Mimir, LogQL for Loki). Implementations are
 * stateless and thread-safe; one instance serves every rule.
 */
public interface ExpressionLanguage {

    /** Short name used in check names and messages, e.g. {@code promql}. */
    String name();

    /**
     * Parses {@code expr} once as a rule expression and returns all that the parse tells: problems, evaluation
     * problems, canonical form, result type and tree.
     */
    ExpressionAnalysis analyze(String expr);
}
