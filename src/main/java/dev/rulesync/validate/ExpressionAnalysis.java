package dev.rulesync.validate;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything one parse of a rule expression tells: what is wrong with it (as the ruler judges it on upload), what
 * fails at every evaluation, its canonical form, its result type and its tree. Each language parses an expression
 * once into this value; the validator reads the problems, the planner the canonical form, and later semantic checks
 * the tree.
 * <p>
 * Immutable as seen from outside. The canonical form and the evaluation problems are computed on first use and then
 * kept: lint never prints a canonical form, and the planner never asks for evaluation problems. Two threads asking
 * at once may both compute them; they get equal values. Thread-safe.
 */
public final class ExpressionAnalysis {

    private final List<ExprProblem> problems;
    private final String type;
    private final Object tree;
    private final Supplier<String> canonicalForm;
    private final Supplier<List<ExprProblem>> evaluation;
    private volatile String canonical;
    private volatile List<ExprProblem> evaluationProblems;

    private ExpressionAnalysis(List<ExprProblem> problems, String type, Object tree, Supplier<String> canonicalForm,
                               Supplier<List<ExprProblem>> evaluation) {
        this.problems = List.copyOf(problems);
        this.type = type;
        this.tree = tree;
        this.canonicalForm = canonicalForm;
        this.evaluation = evaluation;
    }

    /** A valid expression: its result type, its tree, and how to print and evaluation-check it when asked. */
    public static ExpressionAnalysis valid(String type, Object tree, Supplier<String> canonical,
                                           Supplier<List<ExprProblem>> evaluationProblems) {
        return new ExpressionAnalysis(List.of(), Objects.requireNonNull(type), tree, canonical, evaluationProblems);
    }

    /** An expression the ruler refuses; {@code tree} is whatever part was built (may be null). */
    public static ExpressionAnalysis invalid(List<ExprProblem> problems, Object tree) {
        if (problems.isEmpty()) throw new IllegalArgumentException("an invalid expression needs a problem");
        return new ExpressionAnalysis(problems, "", tree, null, List::of);
    }

    /** Whether the ruler accepts the expression on upload. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** Why the ruler refuses the expression on upload; empty when it accepts it. */
    public List<ExprProblem> problems() {
        return problems;
    }

    /**
     * Problems the ruler accepts on upload but fails on at every evaluation (for LogQL: a line_format template that
     * does not parse, a line filter regexp that does not compile). Empty for an expression with {@link #problems}.
     */
    public List<ExprProblem> evaluationProblems() {
        List<ExprProblem> known = evaluationProblems;
        if (known == null) {
            known = List.copyOf(evaluation.get());
            evaluationProblems = known;
        }
        return known;
    }

    /**
     * The canonical single-line form: two expressions have the same canonical form exactly when their parse trees
     * are equal. Throws {@link IllegalArgumentException} for an expression with {@link #problems}.
     */
    public String canonical() {
        String known = canonical;
        if (known == null) {
            if (!valid()) {
                ExprProblem first = problems.getFirst();
                throw new IllegalArgumentException(first.line() + ":" + first.column() + ": " + first.message());
            }
            known = canonicalForm.get();
            canonical = known;
        }
        return known;
    }

    /** The result type as the language names it (PromQL: scalar, vector, matrix, string); empty when invalid. */
    public String type() {
        return type;
    }

    /** The parsed tree ({@code promql.Node}, {@code logql.Ast.Expr}), or null when none was built. */
    public Object tree() {
        return tree;
    }
}
