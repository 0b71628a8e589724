package dev.rulesync.validate.logql;

import dev.rulesync.validate.DepthLimitedParser;
import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.ExpressionAnalysis;
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

    /**
     * How deeply an expression may nest, in levels of its parse tree (one per parenthesis, operator, aggregation and
     * range aggregation). Loki has no limit (Go stacks grow); ours keeps a hostile expression from overflowing the
     * stack of the thread that checks it. An expression at the limit is checked within a 256 KB thread stack.
     */
    public static final int MAX_NESTING = 128;

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

    /**
     * Validates a rule expression as Loki's ruler and the Loki Operator's webhook do: a valid LogQL metric query. The
     * evaluation problems are what Loki checks only when it runs the rule: line_format and label_format templates,
     * line filter regular expressions and patterns. Loki's ruler accepts a rule that breaks these, and every
     * evaluation then fails.
     */
    @Override
    public ExpressionAnalysis analyze(String expr) {
        AstBuilder builder = new AstBuilder();
        Expr tree;
        try {
            tree = parse(expr, builder).expr;
        } catch (InvalidExpressionException e) {
            return ExpressionAnalysis.invalid(List.of(e.problem()), null);
        }
        if (!(tree instanceof SampleExpr)) {
            return ExpressionAnalysis.invalid(List.of(problem(1, 1, "only sample expression supported")), tree);
        }
        String type = tree instanceof Ast.Literal ? "scalar" : "vector";
        return ExpressionAnalysis.valid(type, tree, tree::print, () -> {
            LokiRules.Violation v = LokiPipelineRules.validateAsEvaluated(tree);
            if (v == null) return List.of();
            Ast.Position at = builder.positions.get(v.node());
            return List.of(problem(at == null ? 1 : at.line(), at == null ? 1 : at.column(), v.message()));
        });
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
            root = syntax(expr, lexed);
        } catch (DepthLimitedParser.TooDeep deep) {
            LogQLLexer.LexError le = lexed.error();
            if (le != null && deep.token().getTokenIndex() >= le.tokenIndex()) {
                throw invalid(le.line(), le.column(), le.message());
            }
            throw invalid(deep.token().getLine(), deep.token().getCharPositionInLine() + 1,
                    "expression nests deeper than " + deep.limit() + " levels");
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
    private static LogQLParser.RootContext syntax(String expr, LogQLLexer.Result lexed) {
        if (DepthLimitedParser.mayNestPast(expr, MAX_NESTING)) {
            Token deepest = DepthLimitedParser.firstTooDeep(new ListTokenSource(lexed.tokens()),
                    t -> t == LogQLParser.OPEN_PARENTHESIS || t == LogQLParser.OPEN_BRACE,
                    t -> t == LogQLParser.CLOSE_PARENTHESIS || t == LogQLParser.CLOSE_BRACE, MAX_NESTING);
            if (deepest != null) throw new DepthLimitedParser.TooDeep(deepest, MAX_NESTING);
        }
        CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(lexed.tokens()));
        LogQLParser parser = new LogQLParser(tokens);
        parser.removeErrorListeners();
        parser.setMaxDepth(MAX_NESTING);
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.root();
        } catch (DepthLimitedParser.TooDeep deep) {
            throw deep;
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return parser.root();
            } catch (DepthLimitedParser.TooDeep deep) {
                throw deep;
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
