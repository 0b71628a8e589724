package dev.rulesync.validate;

import java.util.List;
import java.util.Set;

/**
 * What the semantic checks learn from the tree of one valid expression (its {@link ExpressionAnalysis}), for the
 * rule's own checks and for the whole-tree stage.
 *
 * @param canonical   the canonical form ({@link ExpressionAnalysis#canonical()}): equal exactly when the parse trees
 *                    are equal
 * @param metricsRead metric names the expression selects (by name or {@code __name__="..."}), for dependencies
 * @param output      the labels its result series can carry
 * @param findings    semantic findings in the expression itself
 * @param usesRate    whether it computes a per-second or per-range rate (humanize hints for $value)
 */
public record SemanticAnalysis(String canonical, Set<String> metricsRead, LabelBound output,
                               List<ExprFinding> findings, boolean usesRate) {

    public SemanticAnalysis {
        metricsRead = Set.copyOf(metricsRead);
        findings = List.copyOf(findings);
    }
}
