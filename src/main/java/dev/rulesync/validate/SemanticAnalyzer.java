package dev.rulesync.validate;

/** The semantic analysis of one expression language (see {@link SemanticChecks}). Stateless and thread-safe. */
public interface SemanticAnalyzer {

    /**
     * @param expr   the expression text, for the spans of findings
     * @param parsed its analysis, which the ruler accepts ({@link ExpressionAnalysis#valid()}): the tree is read,
     *               not parsed again
     * @param alert  whether it is an alert's expression (alert-only checks such as a missing condition)
     * @return the analysis, or null when the tree is not of this analyzer's language
     */
    SemanticAnalysis analyze(String expr, ExpressionAnalysis parsed, boolean alert);
}
