package dev.rulesync.validate.promql;

import dev.rulesync.validate.DepthLimitedParser;
import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.ExpressionAnalysis;
import dev.rulesync.validate.ExpressionLanguage;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;

/**
 * PromQL as Prometheus 3.x (v0.316 of the Go module) parses and checks it: our own ANTLR grammar, the checks of
 * Prometheus' parser and checkAST, and Prometheus' String() form as the canonical form. Thread-safe: each thread
 * gets its own lexer and parser; only ANTLR's prediction caches (DFA) are shared.
 */
public final class PromQL implements ExpressionLanguage {

    /**
     * What the parser accepts beyond plain PromQL, as Prometheus' parser.Options and feature flags.
     *
     * @param experimentalFunctions  --enable-feature=promql-experimental-functions: limitk, limit_ratio, info,
     *                               double_exponential_smoothing, sort_by_label, ts_of_*, step(), ...
     * @param fillModifiers          binary operator fill / fill_left / fill_right modifiers
     * @param durationExpressions    arithmetic in ranges, steps and offsets ({@code foo[5m+1m]}, {@code step()});
     *                               always on in Prometheus v0.316, switch off to reject it like releases that
     *                               gate it behind promql-duration-expr
     * @param legacyNames            reject quoted metric and label names that the legacy (pre-UTF-8) scheme does
     *                               not allow, for rulers that still validate names that way
     * @param mimirFunctions         Mimir's PromQL extensions: {@code holt_winters} as a stable alias of
     *                               double_exponential_smoothing (kept by Mimir after Prometheus 3 dropped it)
     */
    public record Options(boolean experimentalFunctions, boolean fillModifiers, boolean durationExpressions,
                          boolean legacyNames, boolean mimirFunctions) {

        /**
         * What current Mimir's ruler and queriers parse with (its promqlext.NewPromQLParserOptions): experimental
         * functions on (per-tenant access is enforced at query time, not at upload), duration expressions on,
         * fill modifiers off, UTF-8 names, holt_winters alias.
         */
        public static final Options MIMIR_DEFAULT = new Options(true, false, true, false, true);

        /** Prometheus v0.316's parser defaults (what {@code promtool check rules} accepts without flags). */
        public static final Options PROMETHEUS_DEFAULT = new Options(false, false, true, false, false);

        /** Every Prometheus feature on, for expressions written against a Prometheus with all PromQL flags. */
        public static final Options ALL = new Options(true, true, true, false, false);
    }

    /** A parsed expression: the tree and its type when valid, the problems when not. */
    public record Parsed(Node root, ValueType type, List<ExprProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * How deeply an expression may nest, in levels of its parse tree: one per parenthesis, operator, unary sign,
     * modifier and function or aggregation argument. Prometheus has no limit (Go stacks grow); ours keeps a hostile
     * expression from overflowing the stack of the thread that checks it. Real rules stay far below: the deepest of
     * the 258 kube-prometheus and Loki-mixin rule expressions has 20 levels. An expression at the limit is checked
     * within a 256 KB thread stack, a quarter of the JVM's default, even before the JIT compiles the parser.
     */
    public static final int MAX_NESTING = 128;

    private final Options options;

    public PromQL() {
        this(Options.MIMIR_DEFAULT);
    }

    public PromQL(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "promql";
    }

    @Override
    public ExpressionAnalysis analyze(String expr) {
        Parsed p = parse(expr);
        if (!p.valid()) return ExpressionAnalysis.invalid(p.problems(), p.root());
        Node root = p.root();
        // a PromQL rule has no problems that only evaluation finds: Prometheus checks everything when it parses
        return ExpressionAnalysis.valid(p.type().internal(), root, () -> Printer.print(root), List::of);
    }

    /** Parses and checks {@code expr}. */
    public Parsed parse(String expr) {
        Result r = run(expr);
        if (r.errors().isEmpty()) return new Parsed(r.root(), r.root().type(), List.of());
        List<ExprProblem> problems = new ArrayList<>(r.errors().size());
        for (ParseError e : r.errors()) problems.add(problem(expr, e));
        return new Parsed(r.root(), ValueType.NONE, List.copyOf(problems));
    }

    /** Maps a code-point offset to a 1-based line and column. */
    private static ExprProblem problem(String expr, ParseError e) {
        int line = 1;
        int column = 1;
        int cp = 0;
        for (int i = 0; i < expr.length() && cp < e.start(); cp++) {
            int c = expr.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new ExprProblem(line, column, e.message());
    }

    /**
     * One lexer and parser per thread and instance, re-pointed at each input: creating them is cheap but not free
     * at tens of thousands of rules. ANTLR's DFA caches are static and thread-safe.
     */
    private final ThreadLocal<Machinery> machinery = ThreadLocal.withInitial(Machinery::new);

    private static final class Machinery {
        final PromQLLexer lexer = new PromQLLexer(null);
        final CommonTokenStream tokens = new CommonTokenStream(lexer);
        final PromQLParser parser = new PromQLParser(tokens);
        // Error strategies keep recovery state, so each thread has its own.
        final BailErrorStrategy bail = new BailErrorStrategy();

        Machinery() {
            lexer.removeErrorListeners();
            parser.removeErrorListeners();
            parser.setMaxDepth(MAX_NESTING);
        }
    }

    Result run(String expr) {
        Machinery m = machinery.get();
        var lexer = m.lexer;
        var tokens = m.tokens;
        var parser = m.parser;
        // fewer opening brackets than the limit, anywhere in the text, cannot nest past it: no second lexing
        if (DepthLimitedParser.mayNestPast(expr, MAX_NESTING)) {
            lexer.setInputStream(StringCharStream.of(expr));
            Token deepest = DepthLimitedParser.firstTooDeep(lexer, PromQL::opens, PromQL::closes, MAX_NESTING);
            if (deepest != null) {
                return new Result(null, List.of(tooDeep(new DepthLimitedParser.TooDeep(deepest, MAX_NESTING))));
            }
        }
        lexer.setInputStream(StringCharStream.of(expr));
        tokens.setTokenSource(lexer);
        parser.setTokenStream(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(m.bail);
        PromQLParser.ExpressionContext tree;
        try {
            tree = parser.expression();
        } catch (DepthLimitedParser.TooDeep deep) {
            return new Result(null, List.of(tooDeep(deep)));
        } catch (ParseCancellationException sllFailed) {
            // SLL is exact for valid input; only a real syntax error (or a rare SLL conflict) gets here.
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new SyntaxErrors(expr));
            try {
                tree = parser.expression();
            } catch (SyntaxErrors.Stop stop) {
                return new Result(null, List.of(stop.error));
            } catch (DepthLimitedParser.TooDeep deep) {
                return new Result(null, List.of(tooDeep(deep)));
            } finally {
                parser.removeErrorListeners();
            }
        }
        AstBuilder builder = new AstBuilder(options, tokens);
        Node root = builder.visit(tree);
        List<ParseError> errors = new ArrayList<>(builder.errors());
        if (!options.durationExpressions()) DurationGate.check(root, errors);
        if (errors.isEmpty()) errors.addAll(new TypeChecker().check(root));
        return new Result(root, errors);
    }

    private static boolean opens(int type) {
        return type == PromQLLexer.LEFT_PAREN || type == PromQLLexer.LEFT_BRACKET || type == PromQLLexer.LEFT_BRACE;
    }

    private static boolean closes(int type) {
        return type == PromQLLexer.RIGHT_PAREN || type == PromQLLexer.RIGHT_BRACKET || type == PromQLLexer.RIGHT_BRACE;
    }

    private static ParseError tooDeep(DepthLimitedParser.TooDeep deep) {
        int start = Math.max(0, deep.token().getStartIndex());
        return new ParseError(start, Math.max(start, deep.token().getStopIndex() + 1),
                "expression nests deeper than " + deep.limit() + " levels");
    }

    record Result(Node root, List<ParseError> errors) {
    }
}
