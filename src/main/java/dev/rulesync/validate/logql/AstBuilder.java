package dev.rulesync.validate.logql;

import dev.rulesync.gosyntax.GoRegexp;
import dev.rulesync.gosyntax.GoStrconv;
import dev.rulesync.gosyntax.GoSyntaxException;
import static dev.rulesync.validate.logql.LogQLParser.*;

import dev.rulesync.validate.logql.Ast.*;
import dev.rulesync.validate.logql.LogQLLexer.LogQLToken;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the syntax tree from the parse tree, doing what Loki's grammar actions do: it rejects sub-expressions that
 * stand where Loki's grammar does not allow them, raises the errors Loki raises while parsing (bad regular
 * expressions in matchers and parsers, bad patterns), folds operations on two literals, and records in the nodes
 * the errors Loki only reports during validation. It remembers where each node starts for error positions.
 */
final class AstBuilder {

    /** An error with its place; {@code syntax} errors are worded as the parser's, the others as Loki's rules. */
    static final class BuildException extends RuntimeException {
        final int line;
        final int column;

        BuildException(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /** Which grammar category an expression falls in: Loki only allows metric expressions in some places. */
    private enum Kind { LOG, METRIC, VARIANTS }

    private record Built(Expr expr, Kind kind) {
    }

    final Map<Object, Ast.Position> positions = new IdentityHashMap<>();

    Expr build(RootContext root) {
        return expr(root.expr()).expr;
    }

    private <T> T at(T node, Token t) {
        positions.put(node, new Ast.Position(t.getLine(), t.getCharPositionInLine() + 1));
        return node;
    }

    private static BuildException error(Token t, String message) {
        return new BuildException(message, t.getLine(), t.getCharPositionInLine() + 1);
    }

    /** Loki's parser would stop at the token after a sub-expression that may not stand there. */
    private static BuildException unexpectedAfter(ParserRuleContext ctx) {
        Token next = nextToken(ctx);
        return error(next, "syntax error: unexpected " + SyntaxErrors.tokenName(next));
    }

    private static Token nextToken(ParserRuleContext ctx) {
        Token stop = ctx.getStop();
        ParserRuleContext p = ctx;
        while (p.getParent() instanceof ParserRuleContext parent) {
            for (int i = 0; i < parent.getChildCount(); i++) {
                if (parent.getChild(i) == p && i + 1 < parent.getChildCount()) {
                    var next = parent.getChild(i + 1);
                    if (next instanceof TerminalNode tn) return tn.getSymbol();
                    if (next instanceof ParserRuleContext prc) return prc.getStart();
                }
            }
            p = parent;
        }
        return stop;
    }

    private static String str(TerminalNode n) {
        return (String) ((LogQLToken) n.getSymbol()).value;
    }

    private static long nanos(TerminalNode n) {
        return (Long) ((LogQLToken) n.getSymbol()).value;
    }

    // ---- expressions

    private Built expr(ExprContext ctx) {
        return switch (ctx) {
            case BinOpContext c -> new Built(binOp(c), Kind.METRIC);
            case LogExprContext c -> new Built(logExpr(c.selector(), c.pipelineExpr()), Kind.LOG);
            case RangeAggregationContext c -> new Built(rangeAggregation(c.rangeAggregationExpr()), Kind.METRIC);
            case VectorAggregationContext c -> new Built(vectorAggregation(c.vectorAggregationExpr()), Kind.METRIC);
            case LiteralContext c -> new Built(literal(c.literalExpr()), Kind.METRIC);
            case LabelReplaceContext c -> new Built(labelReplace(c), Kind.METRIC);
            case VectorContext c -> new Built(vector(c), Kind.METRIC);
            case VariantsContext c -> new Built(variants(c), Kind.VARIANTS);
            case ParensContext c -> {
                Built inner = expr(c.expr());
                if (inner.kind == Kind.VARIANTS) {
                    throw error(c.CLOSE_PARENTHESIS().getSymbol(), "syntax error: unexpected )");
                }
                yield inner;
            }
            default -> throw new IllegalStateException("unknown expression " + ctx.getClass());
        };
    }

    /** An expression where Loki's grammar wants a metric expression. */
    private Expr metric(ExprContext ctx) {
        Built b = expr(ctx);
        if (b.kind != Kind.METRIC) throw unexpectedAfter(ctx);
        return b.expr;
    }

    private Expr binOp(BinOpContext c) {
        Expr lhs = expr(c.expr(0)).expr;
        Expr rhs = expr(c.expr(1)).expr;
        String op = c.op.getText().toLowerCase(Locale.ROOT);
        BinOpOptions opts = binOpModifier(c.binOpModifier());
        return at(newBinOp(op, opts, lhs, rhs), c.op);
    }

    /** Loki's mustNewBinOpExpr: type checks of both legs, literal legs, folding of two literals. */
    private static SampleExpr newBinOp(String op, BinOpOptions opts, Expr lhs, Expr rhs) {
        if (!(lhs instanceof SampleExpr)) {
            return new BinOp(op, lhs, rhs, opts, "unexpected type for left leg of binary operation (" + op + "): "
                    + goType(lhs));
        }
        if (!(rhs instanceof SampleExpr)) {
            return new BinOp(op, lhs, rhs, opts, "unexpected type for right leg of binary operation (" + op + "): "
                    + goType(rhs));
        }
        Literal l = lhs instanceof Literal x ? x : null;
        Literal r = rhs instanceof Literal x ? x : null;
        if (l != null && l.error() != null) return new BinOp(op, lhs, rhs, opts, l.error());
        if (r != null && r.error() != null) return new BinOp(op, lhs, rhs, opts, r.error());
        boolean logical = op.equals("or") || op.equals("and") || op.equals("unless");
        if (logical && l != null) {
            return new BinOp(op, lhs, rhs, opts, "unexpected literal for left leg of logical/set binary operation ("
                    + op + "): " + GoStrconv.formatFloat(l.value(), 6));
        }
        if (logical && r != null) {
            return new BinOp(op, lhs, rhs, opts, "unexpected literal for right leg of logical/set binary operation ("
                    + op + "): " + GoStrconv.formatFloat(r.value(), 6));
        }
        if (l != null && r != null) return new Literal(fold(op, l.value(), r.value()), null);
        return new BinOp(op, lhs, rhs, opts, null);
    }

    private static String goType(Expr e) {
        return switch (e) {
            case Matchers m -> "*syntax.MatchersExpr";
            case Pipeline p -> "*syntax.PipelineExpr";
            default -> "*syntax." + e.getClass().getSimpleName();
        };
    }

    /** Loki's MergeBinOp on two scalars (comparisons give 1 or 0 whether or not bool was written). */
    private static double fold(String op, double a, double b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b == 0 ? Double.NaN : a / b;
            case "%" -> b == 0 ? Double.NaN : a % b;
            case "^" -> Math.pow(a, b);
            case "==" -> a == b ? 1 : 0;
            case "!=" -> a != b ? 1 : 0;
            case ">" -> a > b ? 1 : 0;
            case ">=" -> a >= b ? 1 : 0;
            case "<" -> a < b ? 1 : 0;
            case "<=" -> a <= b ? 1 : 0;
            default -> throw new IllegalStateException("unexpected operation " + op);
        };
    }

    private BinOpOptions binOpModifier(BinOpModifierContext c) {
        boolean bool = c.BOOL() != null;
        if (c.onOrIgnoring == null) return new BinOpOptions(bool, false, null, Card.ONE_TO_ONE, null);
        boolean on = c.onOrIgnoring.getType() == ON;
        List<String> labels = c.labels() == null ? null : labels(c.labels());
        Card card = Card.ONE_TO_ONE;
        List<String> include = null;
        GroupModifierContext g = c.groupModifier();
        if (g != null) {
            card = g.side.getType() == GROUP_LEFT ? Card.MANY_TO_ONE : Card.ONE_TO_MANY;
            if (g.labels() != null) include = labels(g.labels());
        }
        return new BinOpOptions(bool, on, labels, card, include);
    }

    private static List<String> labels(LabelsContext c) {
        List<String> out = new ArrayList<>();
        for (TerminalNode n : c.IDENTIFIER()) out.add(n.getText());
        return out;
    }

    private Literal literal(LiteralExprContext c) {
        String text = str(c.NUMBER());
        boolean negate = c.sign != null && c.sign.getType() == SUB;
        double v;
        String err = null;
        try {
            v = GoStrconv.parseFloat(text);
        } catch (GoSyntaxException e) {
            // strconv.ParseFloat gives ±Inf for a number out of range and 0 for bad syntax.
            v = e.getMessage().endsWith("value out of range") ? Double.POSITIVE_INFINITY : 0;
            err = "unable to parse literal as a float: " + e.getMessage();
        }
        Token start = c.sign != null ? c.sign : c.NUMBER().getSymbol();
        return at(new Literal(negate ? -v : v, err), start);
    }

    private VectorLiteral vector(VectorContext c) {
        String text = str(c.NUMBER());
        try {
            return at(new VectorLiteral(GoStrconv.parseFloat(text), null), c.VECTOR().getSymbol());
        } catch (GoSyntaxException e) {
            return at(new VectorLiteral(0, "unable to parse vectorExpr as a float: " + e.getMessage()),
                    c.VECTOR().getSymbol());
        }
    }

    private LabelReplace labelReplace(LabelReplaceContext c) {
        Expr left = metric(c.expr());
        String dst = str(c.STRING(0));
        String repl = str(c.STRING(1));
        String src = str(c.STRING(2));
        String regex = str(c.STRING(3));
        String err = GoRegexp.error("^(?:" + regex + ")$", GoRegexp.Syntax.GO);
        return at(new LabelReplace(left, dst, repl, src, regex,
                err == null ? null : "invalid regex in label_replace: " + err), c.LABEL_REPLACE().getSymbol());
    }

    private Variants variants(VariantsContext c) {
        List<Expr> vs = new ArrayList<>();
        for (ExprContext e : c.expr()) vs.add(metric(e));
        return at(new Variants(vs, logRange(c.logRangeExpr())), c.VARIANTS().getSymbol());
    }

    private RangeAggregation rangeAggregation(RangeAggregationExprContext c) {
        String op = c.rangeOp().getStart().getText().toLowerCase(Locale.ROOT);
        Grouping grouping = c.grouping() == null ? null : grouping(c.grouping());
        Token start = c.rangeOp().getStart();
        LogRange range = logRange(c.logRangeExpr());
        Double param = null;
        if (c.NUMBER() != null) {
            String p = str(c.NUMBER());
            if (!op.equals("quantile_over_time")) {
                return at(new RangeAggregation(op, range, null, grouping,
                        "parameter " + p + " not supported for operation " + op), start);
            }
            try {
                param = GoStrconv.parseFloat(p);
            } catch (GoSyntaxException e) {
                return at(new RangeAggregation(op, range, null, grouping,
                        "invalid parameter for operation " + op + ": " + e.getMessage()), start);
            }
        } else if (op.equals("quantile_over_time")) {
            return at(new RangeAggregation(op, range, null, grouping, "parameter required for operation " + op),
                    start);
        }
        return at(new RangeAggregation(op, range, param, grouping, rangeRules(op, grouping, range)), start);
    }

    /** Which range aggregations take a grouping, which need unwrap and which forbid it (Loki's validate()). */
    private static String rangeRules(String op, Grouping grouping, LogRange range) {
        if (grouping != null) {
            switch (op) {
                case "avg_over_time", "stddev_over_time", "stdvar_over_time", "quantile_over_time", "max_over_time",
                     "min_over_time", "first_over_time", "last_over_time" -> {
                }
                default -> {
                    return "grouping not allowed for " + op + " aggregation";
                }
            }
        }
        if (range.unwrap() != null) {
            return switch (op) {
                case "avg_over_time", "sum_over_time", "max_over_time", "min_over_time", "stddev_over_time",
                     "stdvar_over_time", "quantile_over_time", "rate", "rate_counter", "absent_over_time",
                     "first_over_time", "last_over_time" -> null;
                default -> "invalid aggregation " + op + " with unwrap";
            };
        }
        return switch (op) {
            case "bytes_over_time", "bytes_rate", "count_over_time", "rate", "absent_over_time" -> null;
            default -> "invalid aggregation " + op + " without unwrap";
        };
    }

    private VectorAggregation vectorAggregation(VectorAggregationExprContext c) {
        String op = c.vectorOp().getStart().getText().toLowerCase(Locale.ROOT);
        Token start = c.vectorOp().getStart();
        Expr left = metric(c.expr());
        Grouping grouping = c.grouping() == null ? null : grouping(c.grouping());
        String p = c.NUMBER() == null ? null : str(c.NUMBER());
        long param = 0;
        String err = null;
        switch (op) {
            case "bottomk", "topk", "approx_topk" -> {
                if (p == null) {
                    err = "parameter required for operation " + op;
                } else {
                    try {
                        param = GoStrconv.atoi(p);
                        if (param <= 0) {
                            err = "invalid parameter (must be greater than 0) " + op + "(" + p;
                        } else if (op.equals("approx_topk") && grouping != null) {
                            err = "grouping not allowed for " + op + " aggregation";
                        }
                    } catch (GoSyntaxException e) {
                        err = "invalid parameter " + op + "(" + p + ",";
                    }
                }
            }
            default -> {
                if (p != null) err = "unsupported parameter for operation " + op + "(" + p + ",";
            }
        }
        if (grouping == null) grouping = new Grouping(false, List.of());
        return at(new VectorAggregation(op, left, grouping, param, err), start);
    }

    private static Grouping grouping(GroupingContext c) {
        return new Grouping(c.which.getType() == WITHOUT, c.labels() == null ? List.of() : labels(c.labels()));
    }

    // ---- log queries

    private LogSelector logExpr(SelectorContext sel, PipelineExprContext pipe) {
        Matchers m = selector(sel);
        if (pipe == null) return m;
        return at(new Pipeline(m, stages(pipe)), sel.getStart());
    }

    private Matchers selector(SelectorContext c) {
        List<Ast.Matcher> ms = new ArrayList<>();
        for (MatcherContext m : c.matcher()) ms.add(matcher(m));
        return at(new Matchers(List.copyOf(ms)), c.getStart());
    }

    /** Loki's mustNewMatcher: a regular expression that does not compile stops the parse. */
    private Ast.Matcher matcher(MatcherContext c) {
        MatchType type = switch (c.op.getType()) {
            case EQ -> MatchType.EQ;
            case NEQ -> MatchType.NEQ;
            case RE -> MatchType.RE;
            default -> MatchType.NRE;
        };
        String value = str(c.STRING());
        if (type == MatchType.RE || type == MatchType.NRE) {
            String err = GoRegexp.matcher(value).error();
            if (err != null) throw error(c.STRING().getSymbol(), err);
        }
        return at(new Ast.Matcher(c.IDENTIFIER().getText(), type, value), c.getStart());
    }

    private List<Stage> stages(PipelineExprContext c) {
        List<Stage> out = new ArrayList<>();
        for (PipelineStageContext s : c.pipelineStage()) {
            int before = out.size();
            switch (s) {
                case LineFilterStageContext l -> out.addAll(lineFilter(l.lineFilter()));
                case LogfmtStageContext l -> {
                    boolean strict = false;
                    boolean keepEmpty = false;
                    for (TerminalNode f : l.FUNCTION_FLAG()) {
                        if (str(f).equals("--strict")) strict = true;
                        if (str(f).equals("--keep-empty")) keepEmpty = true;
                    }
                    out.add(new LogfmtParser(strict, keepEmpty, extractions(l.labelExtractionList())));
                }
                case JsonStageContext j -> out.add(new JsonParser(extractions(j.labelExtractionList())));
                case RegexpOrPatternStageContext r -> out.add(lineParser(r));
                case UnpackStageContext u -> out.add(new LineParser("unpack", ""));
                case LabelFilterStageContext f -> out.add(new LabelFilterStage(labelFilter(f.labelFilter())));
                case LineFormatStageContext f -> out.add(new LineFormat(str(f.STRING())));
                case DecolorizeStageContext d -> out.add(new Decolorize());
                case LabelFormatStageContext f -> {
                    List<LabelFmt> fmts = new ArrayList<>();
                    for (LabelFormatContext lf : f.labelFormat()) {
                        boolean rename = lf.STRING() == null;
                        String value = rename ? lf.IDENTIFIER(1).getText() : str(lf.STRING());
                        fmts.add(new LabelFmt(lf.IDENTIFIER(0).getText(), value, rename));
                    }
                    out.add(new LabelFormat(List.copyOf(fmts)));
                }
                case DropOrKeepStageContext d -> {
                    List<NamedMatcher> names = new ArrayList<>();
                    for (NamedMatcherContext n : d.namedMatcher()) {
                        names.add(n.matcher() != null ? new NamedMatcher("", matcher(n.matcher()))
                                : new NamedMatcher(n.IDENTIFIER().getText(), null));
                    }
                    out.add(new DropOrKeep(d.which.getType() == DROP, List.copyOf(names)));
                }
                default -> throw new IllegalStateException("unknown stage " + s.getClass());
            }
            for (int k = before; k < out.size(); k++) {
                if (out.get(k) instanceof LineFilter lf) {
                    positions.put(lf, lf.alternatives().getFirst().at());
                } else {
                    at(out.get(k), s.getStart());
                }
            }
        }
        return List.copyOf(out);
    }

    /** A positive filter keeps its "or" alternatives; a negative one becomes one filter per value, as in Loki. */
    private List<Stage> lineFilter(LineFilterContext c) {
        LineMatch type = switch (c.filter().getStart().getType()) {
            case PIPE_EXACT -> LineMatch.EQ;
            case NEQ -> LineMatch.NEQ;
            case PIPE_MATCH -> LineMatch.RE;
            case NRE -> LineMatch.NRE;
            case PIPE_PATTERN -> LineMatch.PATTERN;
            default -> LineMatch.NPATTERN;
        };
        List<LineFilterValue> values = new ArrayList<>();
        for (LineFilterValueContext v : c.lineFilterValue()) {
            values.add(new LineFilterValue(str(v.STRING()), v.IP() != null,
                    new Ast.Position(v.getStart().getLine(), v.getStart().getCharPositionInLine() + 1)));
        }
        if (type.positive()) return List.of(new LineFilter(type, List.copyOf(values)));
        List<Stage> out = new ArrayList<>();
        for (LineFilterValue v : values) out.add(new LineFilter(type, List.of(v)));
        return out;
    }

    private static List<LabelExtraction> extractions(LabelExtractionListContext c) {
        if (c == null) return List.of();
        List<LabelExtraction> out = new ArrayList<>();
        for (LabelExtractionContext e : c.labelExtraction()) {
            String id = e.IDENTIFIER().getText();
            out.add(new LabelExtraction(id, e.STRING() == null ? id : str(e.STRING())));
        }
        return List.copyOf(out);
    }

    /** Loki checks regexp and pattern parsers while parsing. */
    private LineParser lineParser(RegexpOrPatternStageContext c) {
        String param = str(c.STRING());
        Token t = c.STRING().getSymbol();
        if (c.kind.getType() == REGEXP) {
            GoRegexp.Parsed regexp = GoRegexp.parse(param, GoRegexp.Syntax.GO);
            String err = regexp.error();
            if (err == null) {
                List<String> names = regexp.groupNames();
                if (regexp.captures() == 0 || names.isEmpty()) {
                    err = "at least one named capture must be supplied";
                } else {
                    for (int i = 0; i < names.size() && err == null; i++) {
                        if (names.subList(0, i).contains(names.get(i))) {
                            err = "duplicate extracted label name '" + names.get(i) + "'";
                        }
                    }
                }
            }
            if (err != null) throw error(t, "invalid regexp parser: " + err);
            return new LineParser("regexp", param);
        }
        String err = LokiPattern.validate(param);
        if (err != null) throw error(t, "invalid pattern parser: " + err);
        return new LineParser("pattern", param);
    }

    /**
     * Label filters joined by "and", "or", "," or nothing, nested as Loki's yacc parser nests them: "and" binds
     * tighter than "or", both group to the left, and "," or juxtaposition takes everything to its right.
     */
    private LabelFilter labelFilter(LabelFilterContext c) {
        return labelFilterTree(c).filter();
    }

    /** A label filter tree and its height, to bound how deeply the joins nest (see {@link LogQL#MAX_NESTING}). */
    private record Sized(LabelFilter filter, int height) {
    }

    private Sized labelFilterTree(LabelFilterContext c) {
        Deque<Sized> operands = new ArrayDeque<>();
        Deque<Integer> ops = new ArrayDeque<>();
        List<LabelFilterAtomContext> atoms = c.labelFilterAtom();
        List<LabelFilterJoinContext> joins = c.labelFilterJoin();
        operands.push(atom(atoms.get(0)));
        int j = 0;
        for (int i = 1; i < atoms.size(); i++) {
            // A join sits between atom i-1 and atom i when its token comes before atom i.
            int op = COMMA;
            if (j < joins.size() && joins.get(j).getStart().getTokenIndex() < atoms.get(i).getStart().getTokenIndex()) {
                op = joins.get(j).getStart().getType();
                j++;
            }
            Token at = atoms.get(i).getStart();
            while (!ops.isEmpty() && reducesBefore(ops.peek(), op)) reduce(operands, ops, at);
            ops.push(op);
            operands.push(atom(atoms.get(i)));
        }
        Token last = atoms.getLast().getStart();
        while (!ops.isEmpty()) reduce(operands, ops, last);
        return operands.pop();
    }

    private static int precedence(int op) {
        return op == AND ? 2 : op == OR ? 1 : 0;
    }

    private static boolean reducesBefore(int onStack, int incoming) {
        return precedence(onStack) > 0 && precedence(incoming) > 0 && precedence(onStack) >= precedence(incoming);
    }

    /**
     * Joins the top two operands. Loki nests a chain of joins as deeply as it is long; the printer and checks walk
     * that tree by recursion, so a chain deeper than {@link LogQL#MAX_NESTING} is refused like deep parentheses.
     */
    private static void reduce(Deque<Sized> operands, Deque<Integer> ops, Token at) {
        Sized right = operands.pop();
        Sized left = operands.pop();
        int height = Math.max(left.height(), right.height()) + 1;
        if (height > LogQL.MAX_NESTING) {
            throw new BuildException("expression nests deeper than " + LogQL.MAX_NESTING + " levels", at.getLine(),
                    at.getCharPositionInLine() + 1);
        }
        operands.push(new Sized(new BinaryLabelFilter(left.filter(), right.filter(), ops.pop() != OR), height));
    }

    private Sized atom(LabelFilterAtomContext c) {
        if (c instanceof ParenFilterContext p) {
            Sized inner = labelFilterTree(p.labelFilter());
            return new Sized(inner.filter(), inner.height());
        }
        return new Sized(leaf(c), 1);
    }

    private LabelFilter leaf(LabelFilterAtomContext c) {
        return switch (c) {
            case StringFilterContext s -> new StringLabelFilter(matcher(s.matcher()));
            case IpFilterContext ip -> new IpLabelFilter(ip.IDENTIFIER().getText(), ip.op.getType() == EQ,
                    str(ip.STRING()));
            case DurationFilterContext d -> new DurationLabelFilter(d.IDENTIFIER().getText(), filterOp(d.op),
                    nanos(d.DURATION()));
            case BytesFilterContext b -> new BytesLabelFilter(b.IDENTIFIER().getText(), filterOp(b.op),
                    (Long) ((LogQLToken) b.BYTES().getSymbol()).value);
            // Loki ignores a number it cannot read here and compares with its zero value.
            case NumberFilterContext n -> new NumberLabelFilter(n.IDENTIFIER().getText(), filterOp(n.op),
                    literal(n.literalExpr()).value());
            default -> throw new IllegalStateException("unknown label filter " + c.getClass());
        };
    }

    private static FilterOp filterOp(Token op) {
        return switch (op.getType()) {
            case GT -> FilterOp.GT;
            case GTE -> FilterOp.GTE;
            case LT -> FilterOp.LT;
            case LTE -> FilterOp.LTE;
            case NEQ -> FilterOp.NEQ;
            default -> FilterOp.EQ;
        };
    }

    // ---- ranges

    private LogRange logRange(LogRangeExprContext ctx) {
        return switch (ctx) {
            case RangeAfterContext c -> range(c.selector(), c.pipelineExpr(), c.unwrapExpr(), c.RANGE(), c.offsetExpr());
            case ParenRangeAfterContext c ->
                    range(c.selector(), c.pipelineExpr(), c.unwrapExpr(), c.RANGE(), c.offsetExpr());
            case ParenSelectorRangeUnwrapContext c ->
                    range(c.selector(), null, c.unwrapExpr(), c.RANGE(), c.offsetExpr());
            case RangeBeforePipelineContext c ->
                    range(c.selector(), c.pipelineExpr(), c.unwrapExpr(), c.RANGE(), c.offsetExpr());
            case RangeBeforeUnwrapContext c -> range(c.selector(), null, c.unwrapExpr(), c.RANGE(), c.offsetExpr());
            case ParenLogRangeContext c -> logRange(c.logRangeExpr());
            default -> throw new IllegalStateException("unknown range " + ctx.getClass());
        };
    }

    private LogRange range(SelectorContext sel, PipelineExprContext pipe, UnwrapExprContext unwrap, TerminalNode range,
            OffsetExprContext offset) {
        LogSelector left = logExpr(sel, pipe);
        return new LogRange(left, nanos(range), offset == null ? 0 : nanos(offset.DURATION()),
                unwrap == null ? null : unwrap(unwrap));
    }

    private Unwrap unwrap(UnwrapExprContext c) {
        String id = c.IDENTIFIER().getText();
        String conv = c.convOp() == null ? "" : c.convOp().getStart().getText().toLowerCase(Locale.ROOT);
        List<LabelFilter> post = new ArrayList<>();
        for (LabelFilterContext f : c.labelFilter()) post.add(labelFilter(f));
        return new Unwrap(id, conv, List.copyOf(post));
    }
}
