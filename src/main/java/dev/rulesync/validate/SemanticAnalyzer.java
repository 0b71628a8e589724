package dev.rulesync.validate;

/** The semantic analysis of one expression language (see {@link SemanticChecks}). Stateless and thread-safe. */
public interface SemanticAnalyzer {

    /**
     * @param expr  the expression, which the language's syntax check accepted
     * @param alert whether it is an alert's expression (alert-only checks such as a missing condition)
     * @return the analysis, or null when the expression does not parse
     */
    ExprAnalysis analyze(String expr, boolean alert);
}
