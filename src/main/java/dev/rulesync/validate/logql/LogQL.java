package dev.rulesync.validate.logql;

import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.ExpressionLanguage;
import dev.rulesync.validate.logql.Ast.Expr;
import dev.rulesync.validate.logql.Ast.SampleExpr;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * LogQL, Loki's query language: validates rule expressions as Loki's ruler and the Loki Operator's webhook do
 * (the text must parse, follow Loki's rules, and be a metric query) and prints the canonical form, which is
 * Loki's own String() form. Stateless and thread-safe.
 */
public final class LogQL implements ExpressionLanguage {

    /** Loki refuses queries of this many bytes or more. */
    static final int MAX_INPUT_SIZE = 131072;

    /** A parsed query: whether it is a metric (sample) query, and its canonical text. */
    public record Query(boolean sample, String canonical) {
    }

    /** An expression Loki would refuse, with the problem at its place in the text. */
    public static final class InvalidExpressionException extends IllegalArgumentException {
        private final transient ExprProblem problem;

        InvalidExpressionException(ExprProblem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public ExprProblem problem() {
            return problem;
        }
    }

    @Override
    public String name() {
        return "logql";
    }

    /** Validates a rule expression: a valid LogQL metric query. */
    @Override
    public List<ExprProblem> check(String expr) {
        try {
            Parsed p = parse(expr);
            if (!(p.expr instanceof SampleExpr)) {
                return List.of(problem(1, 1, "only sample expression supported"));
            }
            return List.of();
        } catch (InvalidExpressionException e) {
            return List.of(e.problem());
        }
    }

    /**
     * Validates a rule expression like {@link #check} and, when it passes, also as Loki will when it runs it:
     * line_format and label_format templates, line filter regular expressions and patterns. Loki's ruler accepts
     * a rule that breaks these, and every evaluation then fails.
     */
    @Override
    public List<ExprProblem> checkEvaluation(String expr) {
        List<ExprProblem> parsed = check(expr);
        if (!parsed.isEmpty()) return parsed;
        AstBuilder builder = new AstBuilder();
        Expr tree = parse(expr, builder).expr;
        LokiRules.Violation v = LokiPipelineRules.validate(tree);
        if (v == null) return List.of();
        Ast.Position at = builder.positions.get(v.node());
        return List.of(problem(at == null ? 1 : at.line(), at == null ? 1 : at.column(), v.message()));
    }

    /** Validates any query, log or metric, as Loki's query API would. */
    public List<ExprProblem> checkQuery(String expr) {
        try {
            parse(expr);
            return List.of();
        } catch (InvalidExpressionException e) {
            return List.of(e.problem());
        }
    }

    /** Parses any query, log or metric; throws {@link InvalidExpressionException} for what Loki refuses. */
    public Query parseQuery(String expr) {
        Parsed p = parse(expr);
        return new Query(p.expr instanceof SampleExpr, p.expr.print());
    }

    @Override
    public String canonical(String expr) {
        return parse(expr).expr.print();
    }

    /** The tree of a valid expression, or null when Loki would refuse it (for the semantic checks). */
    Expr tree(String expr) {
        try {
            return parse(expr).expr;
        } catch (InvalidExpressionException e) {
            return null;
        }
    }

    private record Parsed(Expr expr) {
    }

    private static ExprProblem problem(int line, int column, String message) {
        return new ExprProblem(line, column, "parse error at line " + line + ", col " + column + ": " + message);
    }

    private static InvalidExpressionException invalid(int line, int column, String message) {
        return new InvalidExpressionException(problem(line, column, message));
    }

    private Parsed parse(String expr) {
        return parse(expr, new AstBuilder());
    }

    private Parsed parse(String expr, AstBuilder builder) {
        int size = expr.getBytes(StandardCharsets.UTF_8).length;
        if (size >= MAX_INPUT_SIZE) {
            throw invalid(1, 1, "input size too long (" + size + " > " + MAX_INPUT_SIZE + ")");
        }
        LogQLLexer.Result lexed = LogQLLexer.lex(expr);
        LogQLParser.RootContext root;
        try {
            root = syntax(lexed);
        } catch (SyntaxError e) {
            LogQLLexer.LexError le = lexed.error();
            if (le != null && e.token.getTokenIndex() >= le.tokenIndex()) {
                throw invalid(le.line(), le.column(), le.message());
            }
            throw invalid(e.token.getLine(), e.token.getCharPositionInLine() + 1, e.getMessage());
        }
        LogQLLexer.LexError le = lexed.error();
        if (le != null) throw invalid(le.line(), le.column(), le.message());
        Expr tree;
        try {
            tree = builder.build(root);
        } catch (AstBuilder.BuildException e) {
            throw invalid(e.line, e.column, e.getMessage());
        }
        LokiRules.Violation v = LokiRules.validate(tree);
        if (v != null) {
            Ast.Position at = builder.positions.get(v.node());
            throw invalid(at == null ? 1 : at.line(), at == null ? 1 : at.column(), v.message());
        }
        return new Parsed(tree);
    }

    private static final class SyntaxError extends RuntimeException {
        final transient Token token;

        SyntaxError(Token token, String message) {
            super(message, null, false, false);
            this.token = token;
        }
    }

    /** Fast SLL prediction first; only input that fails it is parsed again with full LL for the exact error. */
    private static LogQLParser.RootContext syntax(LogQLLexer.Result lexed) {
        CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(lexed.tokens()));
        LogQLParser parser = new LogQLParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.root();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return parser.root();
            } catch (ParseCancellationException e) {
                throw syntaxError(parser, e);
            }
        }
    }

    private static SyntaxError syntaxError(LogQLParser parser, ParseCancellationException e) {
        Token offending = parser.getCurrentToken();
        IntervalSet expected = null;
        if (e.getCause() instanceof RecognitionException re) {
            if (re.getOffendingToken() != null) offending = re.getOffendingToken();
            // Only a mismatch at one token has a list of expected tokens worth showing; after a failed
            // prediction ANTLR's list is that of the decision's start, which would mislead.
            if (re instanceof InputMismatchException) {
                try {
                    expected = re.getExpectedTokens();
                } catch (RuntimeException ignored) {
                    expected = null;
                }
            }
        }
        return new SyntaxError(offending, SyntaxErrors.unexpected(offending, expected));
    }
}
