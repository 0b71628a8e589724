package dev.rulesync.validate.promql;

import dev.rulesync.gosyntax.GoRegexp;
import dev.rulesync.gosyntax.GoStrconv;
import dev.rulesync.gosyntax.GoSyntaxException;
import dev.rulesync.gosyntax.PromDuration;
import dev.rulesync.validate.promql.Node.AggregateExpr;
import dev.rulesync.validate.promql.Node.AtPreprocessor;
import dev.rulesync.validate.promql.Node.BinaryExpr;
import dev.rulesync.validate.promql.Node.Call;
import dev.rulesync.validate.promql.Node.Cardinality;
import dev.rulesync.validate.promql.Node.DurationExpr;
import dev.rulesync.validate.promql.Node.Matcher;
import dev.rulesync.validate.promql.Node.Matcher.MatchType;
import dev.rulesync.validate.promql.Node.MatrixSelector;
import dev.rulesync.validate.promql.Node.Modifiers;
import dev.rulesync.validate.promql.Node.NumberLiteral;
import dev.rulesync.validate.promql.Node.ParenExpr;
import dev.rulesync.validate.promql.Node.StringLiteral;
import dev.rulesync.validate.promql.Node.SubqueryExpr;
import dev.rulesync.validate.promql.Node.UnaryExpr;
import dev.rulesync.validate.promql.Node.VectorMatching;
import dev.rulesync.validate.promql.Node.VectorSelector;
import dev.rulesync.validate.promql.PromQLParser.*;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a syntactically valid parse tree into {@link Node}s, applying what Prometheus' grammar actions apply
 * (generated_parser.y and the helpers in parse.go): number and duration values, string unquoting, label and
 * regexp checks, offset/@/anchored/smoothed placement, range rules, aggregation arity, function lookup.
 * Errors are collected in source order of Prometheus' reductions (children before parents).
 */
final class AstBuilder extends PromQLParserBaseVisitor<Node> {

    private final PromQL.Options options;
    private final org.antlr.v4.runtime.TokenStream tokens;
    private final List<ParseError> errors = new ArrayList<>();

    AstBuilder(PromQL.Options options, org.antlr.v4.runtime.TokenStream tokens) {
        this.options = options;
        this.tokens = tokens;
    }

    List<ParseError> errors() {
        return errors;
    }

    private void error(int start, int end, String message) {
        errors.add(new ParseError(start, end, message));
    }

    private static int start(Token t) {
        return t.getStartIndex();
    }

    private static int end(Token t) {
        return t.getStopIndex() + 1;
    }

    private static int start(ParserRuleContext c) {
        return c.start.getStartIndex();
    }

    private static int end(ParserRuleContext c) {
        return c.stop.getStopIndex() + 1;
    }

    // ---- top level -----------------------------------------------------------------------------------------

    @Override
    public Node visitExpression(ExpressionContext ctx) {
        return visit(ctx.expr());
    }

    @Override
    public Node visitParenExpr(ParenExprContext ctx) {
        return new ParenExpr(visit(ctx.expr()), start(ctx), end(ctx));
    }

    @Override
    public Node visitNumberExpr(NumberExprContext ctx) {
        return literal(ctx.start);
    }

    @Override
    public Node visitStringExpr(StringExprContext ctx) {
        return new StringLiteral(unquote(ctx.STRING().getSymbol()), start(ctx), end(ctx));
    }

    @Override
    public Node visitUnaryExpr(UnaryExprContext ctx) {
        Node inner = visit(ctx.expr());
        if (inner instanceof NumberLiteral n) {
            double v = ctx.op.getType() == PromQLLexer.SUB ? -n.value() : n.value();
            return new NumberLiteral(v, n.duration(), start(ctx.op), n.end());
        }
        return new UnaryExpr(ctx.op.getText(), inner, start(ctx.op), inner.end());
    }

    // ---- binary operations ---------------------------------------------------------------------------------

    @Override
    public Node visitBinaryExpr(BinaryExprContext ctx) {
        Node lhs = visit(ctx.expr(0));
        BinModifiersContext m = ctx.binModifiers();
        List<String> matching = m.matching == null ? List.of() : groupingLabels(m.groupingLabels(0));
        List<String> include = m.include == null ? List.of() : groupingLabels(m.include);
        Cardinality card = Cardinality.ONE_TO_ONE;
        if (m.card != null) {
            card = m.card.getType() == PromQLLexer.GROUP_LEFT ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
        }
        Double fillLeft = null;
        Double fillRight = null;
        FillModifiersContext f = m.fillModifiers();
        if (f != null) {
            if (f.FILL() != null) {
                fillLeft = fillRight = fillValue(f.fillValue(0));
            } else {
                if (f.left != null) fillLeft = fillValue(f.left);
                if (f.right != null) fillRight = fillValue(f.right);
            }
        }
        Node rhs = visit(ctx.expr(1));
        if (m.card != null && m.include == null && ctx.expr(1).start.getType() == PromQLLexer.LEFT_PAREN
                && ctx.expr(1).start.getTokenIndex() == m.card.getTokenIndex() + 1) {
            // Prometheus always reads a '(' after group_left/group_right as the label list.
            groupLabelsMisread(m.card.getTokenIndex() + 1);
        }
        VectorMatching vm = new VectorMatching(card, matching,
                m.matching != null && m.matching.getType() == PromQLLexer.ON, include, fillLeft, fillRight);
        BinaryExpr b = new BinaryExpr(operator(ctx.op), lhs, rhs, m.BOOL() != null, vm,
                start(ctx.op), end(ctx.op), lhs.start(), rhs.end());
        if (!options.fillModifiers() && vm.hasFill()) {
            error(b.start(), b.end(), "binop fill modifiers are experimental and not enabled");
        }
        return b;
    }

    /**
     * Reports what Prometheus reports when it reads the '(' at token {@code i} as group_left/group_right labels:
     * either a token that cannot be in a label list, or, after the list, whatever follows it.
     */
    private void groupLabelsMisread(int i) {
        boolean expectLabel = true;
        for (int k = i + 1; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            int type = t.getType();
            if (type == PromQLLexer.RIGHT_PAREN) {
                Token after = tokens.get(Math.min(k + 1, tokens.size() - 1));
                error(start(after), Math.max(start(after), end(after)), "unexpected " + SyntaxErrors.describe(after));
                return;
            }
            boolean label = type == PromQLLexer.IDENTIFIER || type == PromQLLexer.METRIC_IDENTIFIER
                    || type == PromQLLexer.STRING || isLabelKeyword(type);
            if (expectLabel ? label : type == PromQLLexer.COMMA) {
                expectLabel = !expectLabel;
                continue;
            }
            if (!expectLabel) {
                error(start(t), Math.max(start(t), end(t)), "unexpected " + SyntaxErrors.describe(t) + " in grouping opts, expected \",\" or \")\"");
            } else {
                error(start(t), Math.max(start(t), end(t)), "unexpected " + SyntaxErrors.describe(t) + " in grouping opts, expected label");
            }
            return;
        }
    }

    private static boolean isLabelKeyword(int type) {
        return switch (type) {
            case PromQLLexer.AVG, PromQLLexer.BOOL, PromQLLexer.BOTTOMK, PromQLLexer.BY, PromQLLexer.COUNT,
                 PromQLLexer.COUNT_VALUES, PromQLLexer.GROUP, PromQLLexer.GROUP_LEFT, PromQLLexer.GROUP_RIGHT,
                 PromQLLexer.FILL, PromQLLexer.FILL_LEFT, PromQLLexer.FILL_RIGHT, PromQLLexer.IGNORING,
                 PromQLLexer.LAND, PromQLLexer.LOR, PromQLLexer.LUNLESS, PromQLLexer.MAX, PromQLLexer.MIN,
                 PromQLLexer.OFFSET, PromQLLexer.ON, PromQLLexer.QUANTILE, PromQLLexer.STDDEV, PromQLLexer.STDVAR,
                 PromQLLexer.SUM, PromQLLexer.TOPK, PromQLLexer.START, PromQLLexer.END, PromQLLexer.ATAN2,
                 PromQLLexer.LIMITK, PromQLLexer.LIMIT_RATIO, PromQLLexer.STEP, PromQLLexer.RANGE,
                 PromQLLexer.ANCHORED, PromQLLexer.SMOOTHED, PromQLLexer.MAX_OF, PromQLLexer.MIN_OF -> true;
            default -> false;
        };
    }

    /** The operator as Prometheus prints it (keywords lower-case). */
    private static String operator(Token op) {
        return switch (op.getType()) {
            case PromQLLexer.LAND -> "and";
            case PromQLLexer.LOR -> "or";
            case PromQLLexer.LUNLESS -> "unless";
            case PromQLLexer.ATAN2 -> "atan2";
            default -> op.getText();
        };
    }

    private double fillValue(FillValueContext ctx) {
        Token num = ctx.NUMBER() != null ? ctx.NUMBER().getSymbol() : ctx.DURATION().getSymbol();
        NumberLiteral n = literal(num);
        return ctx.sign != null && ctx.sign.getType() == PromQLLexer.SUB ? -n.value() : n.value();
    }

    // ---- aggregations and calls ----------------------------------------------------------------------------

    @Override
    public Node visitAggregateExpr(AggregateExprContext ctx) {
        String op = aggregateName(ctx.aggregateOp().start);
        List<String> grouping = List.of();
        boolean without = false;
        List<Node> args;
        if (ctx.grouping() != null && ctx.grouping().start.getTokenIndex() < ctx.callBody().start.getTokenIndex()) {
            without = ctx.grouping().WITHOUT() != null;
            grouping = groupingLabels(ctx.grouping().groupingLabels());
            args = callArgs(ctx.callBody());
        } else {
            args = callArgs(ctx.callBody());
            if (ctx.grouping() != null) {
                without = ctx.grouping().WITHOUT() != null;
                grouping = groupingLabels(ctx.grouping().groupingLabels());
            }
        }
        int s = start(ctx);
        int e = end(ctx);
        if (args.isEmpty()) {
            error(s, e, "no arguments for aggregate expression provided");
            return new AggregateExpr(op, null, null, grouping, without, s, e);
        }
        int desired = 1;
        Node param = null;
        if (hasParam(op)) {
            if (!options.experimentalFunctions() && (op.equals("limitk") || op.equals("limit_ratio"))) {
                error(s, e, op + "() is experimental and must be enabled with --enable-feature=promql-experimental-functions");
                return new AggregateExpr(op, null, null, grouping, without, s, e);
            }
            desired = 2;
            param = args.get(0);
        }
        if (args.size() != desired) {
            error(s, e, "wrong number of arguments for aggregate expression provided, expected " + desired + ", got " + args.size());
            return new AggregateExpr(op, param, null, grouping, without, s, e);
        }
        return new AggregateExpr(op, param, args.get(desired - 1), grouping, without, s, e);
    }

    private static String aggregateName(Token t) {
        return switch (t.getType()) {
            case PromQLLexer.SUM -> "sum";
            case PromQLLexer.AVG -> "avg";
            case PromQLLexer.COUNT -> "count";
            case PromQLLexer.MIN -> "min";
            case PromQLLexer.MAX -> "max";
            case PromQLLexer.GROUP -> "group";
            case PromQLLexer.STDDEV -> "stddev";
            case PromQLLexer.STDVAR -> "stdvar";
            case PromQLLexer.TOPK -> "topk";
            case PromQLLexer.BOTTOMK -> "bottomk";
            case PromQLLexer.COUNT_VALUES -> "count_values";
            case PromQLLexer.QUANTILE -> "quantile";
            case PromQLLexer.LIMITK -> "limitk";
            case PromQLLexer.LIMIT_RATIO -> "limit_ratio";
            default -> t.getText().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static boolean hasParam(String op) {
        return switch (op) {
            case "topk", "bottomk", "count_values", "quantile", "limitk", "limit_ratio" -> true;
            default -> false;
        };
    }

    @Override
    public Node visitCallExpr(CallExprContext ctx) {
        List<Node> args = callArgs(ctx.callBody());
        Token nameTok = ctx.functionName().start;
        String name = nameTok.getText();
        Function fn = Function.ALL.get(name);
        if (fn == null && options.mimirFunctions() && name.equals("holt_winters")) fn = Function.HOLT_WINTERS;
        if (fn == null) {
            error(start(nameTok), end(nameTok), "unknown function with name " + GoStrconv.quote(name));
            fn = new Function(name, List.of(), -1, ValueType.NONE, false);
        } else if (fn.experimental() && !options.experimentalFunctions()) {
            error(start(nameTok), end(nameTok), "function " + GoStrconv.quote(name) + " is not enabled");
        }
        return new Call(fn, args, start(ctx), end(ctx));
    }

    private List<Node> callArgs(CallBodyContext body) {
        List<Node> args = new ArrayList<>(body.expr().size());
        for (ExprContext e : body.expr()) args.add(visit(e));
        if (body.trailing != null) {
            error(start(body.trailing), end(body.trailing), "trailing commas not allowed in function call args");
        }
        return args;
    }

    private List<String> groupingLabels(GroupingLabelsContext ctx) {
        List<String> labels = new ArrayList<>(ctx.groupingLabel().size());
        for (GroupingLabelContext l : ctx.groupingLabel()) {
            Token t = l.start;
            String name;
            if (l.STRING() != null) {
                name = unquote(t);
                if (name.isEmpty() || !GoStrconv.isValidUtf8(name)) {
                    error(start(t), end(t), "invalid label name for grouping: " + GoStrconv.quote(name));
                } else {
                    checkLegacyName(name, t, false);
                }
            } else {
                name = t.getText();
                if (l.METRIC_IDENTIFIER() != null) checkLegacyName(name, t, false);
            }
            labels.add(name);
        }
        return labels;
    }

    /** Legacy (pre-UTF-8) name validation, only when the options ask for it. */
    private void checkLegacyName(String name, Token t, boolean metric) {
        if (!options.legacyNames()) return;
        boolean ok = !name.isEmpty();
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9')
                    || (metric && c == ':');
        }
        if (!ok) {
            error(start(t), end(t), (metric ? "invalid metric name " : "invalid label name ") + GoStrconv.quote(name)
                    + ": legacy name validation is enabled");
        }
    }

    // ---- selectors -----------------------------------------------------------------------------------------

    @Override
    public Node visitSelectorExpr(SelectorExprContext ctx) {
        VectorSelectorContext vs = ctx.vectorSelector();
        String name = vs.metricName() == null ? "" : vs.metricName().start.getText();
        List<Matcher> matchers = new ArrayList<>();
        if (vs.labelMatchers() != null) {
            for (LabelMatcherContext m : vs.labelMatchers().labelMatcher()) {
                Matcher matcher = labelMatcher(m);
                if (matcher != null) matchers.add(matcher);
            }
        }
        if (!name.isEmpty()) {
            if (name.indexOf(':') >= 0) checkLegacyName(name, vs.start, true);
            matchers.add(new Matcher("__name__", MatchType.EQUAL, name));
        }
        return new VectorSelector(name, List.copyOf(matchers), Modifiers.NONE, false, false, start(ctx), end(ctx));
    }

    private Matcher labelMatcher(LabelMatcherContext m) {
        Token nameTok = m.name;
        if (m.op == null) {
            String metric = unquote(nameTok);
            checkLegacyName(metric, nameTok, true);
            return new Matcher("__name__", MatchType.EQUAL, metric);
        }
        String name = nameTok.getType() == PromQLLexer.STRING ? unquote(nameTok) : nameTok.getText();
        if (nameTok.getType() == PromQLLexer.STRING) checkLegacyName(name, nameTok, false);
        MatchType type = switch (m.op.getType()) {
            case PromQLLexer.EQL -> MatchType.EQUAL;
            case PromQLLexer.NEQ -> MatchType.NOT_EQUAL;
            case PromQLLexer.EQL_REGEX -> MatchType.REGEX;
            default -> MatchType.NOT_REGEX;
        };
        String value = unquote(m.value);
        if (type == MatchType.REGEX || type == MatchType.NOT_REGEX) {
            String problem = GoRegexp.matcher(value).error();
            if (problem != null) {
                error(start(nameTok), end(m.value), problem);
                return null;
            }
        }
        return new Matcher(name, type, value);
    }

    @Override
    public Node visitMatrixExpr(MatrixExprContext ctx) {
        Node inner = visit(ctx.expr());
        Node range = positiveDuration(ctx.durationExpr());
        String problem = null;
        if (!(inner instanceof VectorSelector vs)) {
            problem = "ranges only allowed for vector selectors";
        } else if (vs.modifiers().hasOffset()) {
            problem = "no offset modifiers allowed before range";
        } else if (vs.modifiers().hasAt()) {
            problem = "no @ modifiers allowed before range";
        }
        if (problem != null) error(start(ctx.LEFT_BRACKET().getSymbol()), end(ctx), problem);
        long nanos = range instanceof NumberLiteral n ? Literals.secondsToNanos(n.value()) : 0;
        DurationExpr rangeExpr = range instanceof DurationExpr d ? d : null;
        return new MatrixSelector(inner, nanos, rangeExpr, inner.start(), end(ctx));
    }

    @Override
    public Node visitSubqueryExpr(SubqueryExprContext ctx) {
        Node inner = visit(ctx.expr());
        Node range = positiveDuration(ctx.range);
        Node step = ctx.step == null ? null : positiveDuration(ctx.step);
        return new SubqueryExpr(inner,
                range instanceof NumberLiteral n ? Literals.secondsToNanos(n.value()) : 0,
                range instanceof DurationExpr d ? d : null,
                step instanceof NumberLiteral n ? Literals.secondsToNanos(n.value()) : 0,
                step instanceof DurationExpr d ? d : null,
                Modifiers.NONE, inner.start(), end(ctx));
    }

    // ---- modifiers -----------------------------------------------------------------------------------------

    @Override
    public Node visitOffsetExpr(OffsetExprContext ctx) {
        Node e = visit(ctx.expr());
        Node d = offsetDuration(ctx.offsetDuration());
        long nanos = d instanceof NumberLiteral n ? Literals.secondsToNanos(n.value()) : 0;
        DurationExpr expr = d instanceof DurationExpr de ? de : null;
        int end = end(ctx);
        switch (e) {
            case VectorSelector vs -> {
                if (vs.modifiers().hasOffset()) return offsetTwice(e);
                Modifiers m = vs.modifiers();
                return new VectorSelector(vs.name(), vs.matchers(),
                        new Modifiers(m.timestampMs(), m.startOrEnd(), nanos, expr), vs.anchored(), vs.smoothed(), vs.start(), end);
            }
            case MatrixSelector ms -> {
                if (!(ms.selector() instanceof VectorSelector vs)) {
                    error(e.start(), e.end(), "ranges only allowed for vector selectors");
                    return e;
                }
                if (vs.modifiers().hasOffset()) return offsetTwice(e);
                Modifiers m = vs.modifiers();
                VectorSelector inner = new VectorSelector(vs.name(), vs.matchers(),
                        new Modifiers(m.timestampMs(), m.startOrEnd(), nanos, expr), vs.anchored(), vs.smoothed(), vs.start(), vs.end());
                return new MatrixSelector(inner, ms.rangeNanos(), ms.rangeExpr(), ms.start(), end);
            }
            case SubqueryExpr sq -> {
                if (sq.modifiers().hasOffset()) return offsetTwice(e);
                Modifiers m = sq.modifiers();
                return new SubqueryExpr(sq.expr(), sq.rangeNanos(), sq.rangeExpr(), sq.stepNanos(), sq.stepExpr(),
                        new Modifiers(m.timestampMs(), m.startOrEnd(), nanos, expr), sq.start(), end);
            }
            default -> {
                error(e.start(), e.end(), "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
                return e;
            }
        }
    }

    private Node offsetTwice(Node e) {
        error(e.start(), e.end(), "offset may not be set multiple times");
        return e;
    }

    private Node offsetDuration(OffsetDurationContext ctx) {
        return switch (ctx) {
            case OffsetLiteralContext c -> {
                NumberLiteral n = literal(c.NUMBER() != null ? c.NUMBER().getSymbol() : c.DURATION().getSymbol());
                int s = n.start();
                double v = n.value();
                if (c.sign != null) {
                    s = start(c.sign);
                    if (c.sign.getType() == PromQLLexer.SUB) v = -v;
                }
                if (Literals.durationOutOfRange(v)) {
                    error(s, c.sign != null ? end(c.sign) : n.end(), "duration out of range");
                    yield new NumberLiteral(0, false, s, n.end());
                }
                yield new NumberLiteral(v, n.duration(), s, n.end());
            }
            case OffsetStepOrRangeContext c -> signed(c.sign,
                    new DurationExpr(c.STEP() != null ? "step" : "range", null, null, false,
                            start(c.STEP() != null ? c.STEP().getSymbol() : c.RANGE().getSymbol()), end(c)), end(c));
            case OffsetMinMaxContext c -> signed(c.sign,
                    new DurationExpr(c.MAX_OF() != null ? "max_of" : "min_of", duration(c.durationExpr(0)),
                            duration(c.durationExpr(1)), false,
                            start(c.MAX_OF() != null ? c.MAX_OF().getSymbol() : c.MIN_OF().getSymbol()), end(c)), end(c));
            case OffsetParenContext c -> applyUnary(c.sign,
                    wrap(duration(c.durationExpr()), start(c.LEFT_PAREN().getSymbol()), end(c)));
            case OffsetDurationExprContext c -> {
                // Prometheus' LALR parser shifts any + - * / % ^ after such an offset into the duration
                // expression and fails on what follows; ANTLR would have backed out and applied it to the selector.
                int next = c.stop.getTokenIndex() + 1;
                if (next + 1 < tokens.size() && isDurationOperator(tokens.get(next).getType())) {
                    int failed = durationExprFailure(next + 1);
                    Token bad = tokens.get(failed < 0 ? next + 1 : Math.min(failed, tokens.size() - 1));
                    error(start(bad), Math.max(start(bad), end(bad)), "unexpected " + SyntaxErrors.describe(bad)
                            + " in offset, expected number, duration, step(), or range()");
                }
                yield duration(c.durationExpr());
            }
            default -> throw new IllegalStateException("unknown offset form " + ctx.getClass());
        };
    }

    /**
     * Where Prometheus' parser, having shifted an operator into an offset's duration expression, meets the first
     * token that cannot continue it (duration_expr: unary signs, then a literal, step(), range(), max_of/min_of(a, b)
     * or a parenthesised duration expression, then optionally another + - * / % ^ and so on). Returns that token's
     * index, or -1 when a whole duration expression follows: ANTLR then preferred the shorter offset because of
     * what comes later, and the caller keeps the operand's first token as the place.
     */
    private int durationExprFailure(int i) {
        int[] at = {i};
        return durationExprFrom(at) ? -1 : at[0];
    }

    private boolean durationExprFrom(int[] at) {
        if (!durationOperand(at)) return false;
        while (isDurationOperator(type(at[0]))) {
            at[0]++;
            if (!durationOperand(at)) return false;
        }
        return true;
    }

    private boolean durationOperand(int[] at) {
        while (type(at[0]) == PromQLLexer.ADD || type(at[0]) == PromQLLexer.SUB) at[0]++;
        switch (type(at[0])) {
            case PromQLLexer.NUMBER, PromQLLexer.DURATION -> {
                at[0]++;
                return true;
            }
            case PromQLLexer.STEP, PromQLLexer.RANGE -> {
                at[0]++;
                return expect(at, PromQLLexer.LEFT_PAREN) && expect(at, PromQLLexer.RIGHT_PAREN);
            }
            case PromQLLexer.MAX_OF, PromQLLexer.MIN_OF -> {
                at[0]++;
                return expect(at, PromQLLexer.LEFT_PAREN) && durationExprFrom(at) && expect(at, PromQLLexer.COMMA)
                        && durationExprFrom(at) && expect(at, PromQLLexer.RIGHT_PAREN);
            }
            case PromQLLexer.LEFT_PAREN -> {
                at[0]++;
                return durationExprFrom(at) && expect(at, PromQLLexer.RIGHT_PAREN);
            }
            default -> {
                return false;
            }
        }
    }

    private boolean expect(int[] at, int type) {
        if (type(at[0]) != type) return false;
        at[0]++;
        return true;
    }

    private int type(int index) {
        return index < tokens.size() ? tokens.get(index).getType() : Token.EOF;
    }

    private static boolean isDurationOperator(int type) {
        return type == PromQLLexer.ADD || type == PromQLLexer.SUB || type == PromQLLexer.MUL || type == PromQLLexer.DIV
                || type == PromQLLexer.MOD || type == PromQLLexer.POW;
    }

    private DurationExpr signed(Token sign, DurationExpr inner, int end) {
        if (sign == null) return inner;
        return new DurationExpr(sign.getText(), null, inner, false, start(sign), end);
    }

    @Override
    public Node visitAtExpr(AtExprContext ctx) {
        Node e = visit(ctx.expr());
        AtModifierContext at = ctx.atModifier();
        Long ts = null;
        AtPreprocessor pre = AtPreprocessor.NONE;
        if (at.START() != null) {
            pre = AtPreprocessor.START;
        } else if (at.END() != null) {
            pre = AtPreprocessor.END;
        } else {
            Token num = at.NUMBER() != null ? at.NUMBER().getSymbol() : at.DURATION().getSymbol();
            double v = literal(num).value();
            if (at.sign != null && at.sign.getType() == PromQLLexer.SUB) v = -v;
            if (Double.isInfinite(v) || Double.isNaN(v) || v >= 9.223372036854775807E18 || v <= -9.223372036854775808E18) {
                error(e.start(), e.end(), "timestamp out of bounds for @ modifier: " + goFloatF(v));
            }
            double ms = v * 1000;
            ts = (long) (ms < 0 ? -Math.floor(-ms + 0.5) : Math.floor(ms + 0.5));
        }
        int end = end(ctx);
        Modifiers mods;
        switch (e) {
            case VectorSelector vs -> {
                if (vs.modifiers().hasAt()) return atTwice(e);
                mods = vs.modifiers();
                return new VectorSelector(vs.name(), vs.matchers(),
                        new Modifiers(ts, pre, mods.offsetNanos(), mods.offsetExpr()), vs.anchored(), vs.smoothed(), vs.start(), end);
            }
            case MatrixSelector ms -> {
                if (!(ms.selector() instanceof VectorSelector vs)) {
                    error(e.start(), e.end(), "ranges only allowed for vector selectors");
                    return e;
                }
                if (vs.modifiers().hasAt()) return atTwice(e);
                mods = vs.modifiers();
                VectorSelector inner = new VectorSelector(vs.name(), vs.matchers(),
                        new Modifiers(ts, pre, mods.offsetNanos(), mods.offsetExpr()), vs.anchored(), vs.smoothed(), vs.start(), vs.end());
                return new MatrixSelector(inner, ms.rangeNanos(), ms.rangeExpr(), ms.start(), end);
            }
            case SubqueryExpr sq -> {
                if (sq.modifiers().hasAt()) return atTwice(e);
                mods = sq.modifiers();
                return new SubqueryExpr(sq.expr(), sq.rangeNanos(), sq.rangeExpr(), sq.stepNanos(), sq.stepExpr(),
                        new Modifiers(ts, pre, mods.offsetNanos(), mods.offsetExpr()), sq.start(), end);
            }
            default -> {
                error(e.start(), e.end(), "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
                return e;
            }
        }
    }

    private Node atTwice(Node e) {
        error(e.start(), e.end(), "@ <timestamp> may not be set multiple times");
        return e;
    }

    /** Go's %f. */
    private static String goFloatF(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Override
    public Node visitAnchoredExpr(AnchoredExprContext ctx) {
        return anchoredOrSmoothed(visit(ctx.expr()), true, end(ctx));
    }

    @Override
    public Node visitSmoothedExpr(SmoothedExprContext ctx) {
        return anchoredOrSmoothed(visit(ctx.expr()), false, end(ctx));
    }

    private Node anchoredOrSmoothed(Node e, boolean anchored, int end) {
        String what = anchored ? "anchored" : "smoothed";
        switch (e) {
            case VectorSelector vs -> {
                if (anchored ? vs.smoothed() : vs.anchored()) {
                    error(e.start(), e.end(), "anchored and smoothed modifiers cannot be used together");
                }
                return new VectorSelector(vs.name(), vs.matchers(), vs.modifiers(), anchored || vs.anchored(),
                        !anchored || vs.smoothed(), vs.start(), vs.end());
            }
            case MatrixSelector ms -> {
                if (!(ms.selector() instanceof VectorSelector vs)) return e;
                if (anchored ? vs.smoothed() : vs.anchored()) {
                    error(e.start(), e.end(), "anchored and smoothed modifiers cannot be used together");
                }
                VectorSelector inner = new VectorSelector(vs.name(), vs.matchers(), vs.modifiers(),
                        anchored || vs.anchored(), !anchored || vs.smoothed(), vs.start(), vs.end());
                return new MatrixSelector(inner, ms.rangeNanos(), ms.rangeExpr(), ms.start(), ms.end());
            }
            case SubqueryExpr sq -> {
                error(e.start(), e.end(), what + " modifier is not supported for subqueries");
                return e;
            }
            default -> {
                error(e.start(), e.end(), what + " modifier not implemented");
                return e;
            }
        }
    }

    // ---- durations -----------------------------------------------------------------------------------------

    /** positive_duration_expr: a literal must be &gt; 0. */
    private Node positiveDuration(DurationExprContext ctx) {
        Node d = duration(ctx);
        if (d instanceof NumberLiteral n && n.value() <= 0) {
            error(n.start(), n.end(), "duration must be greater than 0");
            return new NumberLiteral(0, false, n.start(), n.end());
        }
        return d;
    }

    /** A duration expression: a NumberLiteral when it is a plain (possibly signed) literal, else a DurationExpr. */
    private Node duration(DurationExprContext ctx) {
        return switch (ctx) {
            case DurLiteralContext c -> {
                NumberLiteral n = literal(c.start);
                if (Literals.durationOutOfRange(n.value())) {
                    error(n.start(), n.end(), "duration out of range");
                    yield new NumberLiteral(0, false, n.start(), n.end());
                }
                yield n;
            }
            case DurUnaryContext c -> applyUnary(c.op, duration(c.durationExpr()));
            case DurBinaryContext c -> {
                Node l = duration(c.durationExpr(0));
                Node r = duration(c.durationExpr(1));
                int op = c.op.getType();
                if ((op == PromQLLexer.DIV || op == PromQLLexer.MOD) && r instanceof NumberLiteral n && n.value() == 0) {
                    error(start(c.op), end(c.op), op == PromQLLexer.DIV ? "division by zero" : "modulo by zero");
                    yield new NumberLiteral(0, false, start(c), end(c));
                }
                yield new DurationExpr(c.op.getText(), l, r, false, start(c), end(c));
            }
            case DurStepOrRangeContext c -> new DurationExpr(c.STEP() != null ? "step" : "range", null, null, false, start(c), end(c));
            case DurMinMaxContext c -> new DurationExpr(c.MAX_OF() != null ? "max_of" : "min_of",
                    duration(c.durationExpr(0)), duration(c.durationExpr(1)), false, start(c), end(c));
            case DurParenContext c -> wrap(duration(c.durationExpr()), start(c), end(c));
            default -> throw new IllegalStateException("unknown duration form " + ctx.getClass());
        };
    }

    private static DurationExpr wrap(Node inner, int start, int end) {
        if (inner instanceof DurationExpr d) return d.withWrapped();
        return new DurationExpr("+", null, inner, true, start, end);
    }

    private Node applyUnary(Token op, Node inner) {
        boolean minus = op.getType() == PromQLLexer.SUB;
        if (inner instanceof DurationExpr d) {
            return minus ? new DurationExpr("-", null, d, false, start(op), d.end()) : d;
        }
        NumberLiteral n = (NumberLiteral) inner;
        double v = minus ? -n.value() : n.value();
        if (Literals.durationOutOfRange(v)) {
            error(start(op), end(op), "duration out of range");
            return new NumberLiteral(0, false, start(op), n.end());
        }
        return new NumberLiteral(v, n.duration(), start(op), n.end());
    }

    // ---- literals ------------------------------------------------------------------------------------------

    private NumberLiteral literal(Token t) {
        String text = t.getText();
        try {
            if (t.getType() == PromQLLexer.DURATION) {
                return new NumberLiteral(PromDuration.parse(text) / 1e9, true, start(t), end(t));
            }
            if (text.length() > 2 && (text.charAt(1) == 'x' || text.charAt(1) == 'X')
                    && !Literals.goHexScanAccepts(text, charAfter(t))) {
                throw new GoSyntaxException("bad number or duration syntax: " + GoStrconv.quote(text));
            }
            return new NumberLiteral(Literals.parseNumber(text), false, start(t), end(t));
        } catch (GoSyntaxException e) {
            error(start(t), end(t), e.getMessage());
            return new NumberLiteral(0, t.getType() == PromQLLexer.DURATION, start(t), end(t));
        }
    }

    private int charAfter(Token t) {
        var input = t.getInputStream();
        int at = t.getStopIndex() + 1;
        return at < input.size() ? input.getText(org.antlr.v4.runtime.misc.Interval.of(at, at)).codePointAt(0) : -1;
    }

    private String unquote(Token t) {
        try {
            return Literals.unquote(t.getText());
        } catch (GoSyntaxException e) {
            error(start(t), end(t), e.getMessage());
            return "";
        }
    }
}
