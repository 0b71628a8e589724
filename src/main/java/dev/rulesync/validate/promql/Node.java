package dev.rulesync.validate.promql;

import java.util.List;

/**
 * A node of a parsed PromQL expression, modelled on Prometheus' promql/parser/ast.go so that the canonical form
 * and the type checks can follow Prometheus. {@code start} and {@code end} are code-point offsets into the
 * expression string (end exclusive); they place error messages.
 */
public sealed interface Node {

    int start();

    int end();

    /** The type of this expression's value. */
    ValueType type();

    /** {@code @ start()} / {@code @ end()}. */
    enum AtPreprocessor { NONE, START, END }

    record NumberLiteral(double value, boolean duration, int start, int end) implements Node {
        public ValueType type() { return ValueType.SCALAR; }
    }

    record StringLiteral(String value, int start, int end) implements Node {
        public ValueType type() { return ValueType.STRING; }
    }

    /** Duration arithmetic: op is + - * / % ^ (lhs null for unary), or step, range, min_of, max_of. */
    record DurationExpr(String op, Node lhs, Node rhs, boolean wrapped, int start, int end) implements Node {
        public ValueType type() { return ValueType.SCALAR; }

        DurationExpr withWrapped() { return new DurationExpr(op, lhs, rhs, true, start, end); }
    }

    /** Where a selector or subquery is evaluated: the @ timestamp (ms) or start()/end(), and the offset. */
    record Modifiers(Long timestampMs, AtPreprocessor startOrEnd, long offsetNanos, DurationExpr offsetExpr) {
        static final Modifiers NONE = new Modifiers(null, AtPreprocessor.NONE, 0, null);

        boolean hasAt() { return timestampMs != null || startOrEnd != AtPreprocessor.NONE; }

        boolean hasOffset() { return offsetNanos != 0 || offsetExpr != null; }
    }

    record Matcher(String name, MatchType type, String value) {
        enum MatchType {
            EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

            final String symbol;

            MatchType(String symbol) { this.symbol = symbol; }
        }
    }

    /** {@code name} is the metric name written before the braces ("" when absent). */
    record VectorSelector(String name, List<Matcher> matchers, Modifiers modifiers, boolean anchored,
                          boolean smoothed, int start, int end) implements Node {
        public ValueType type() { return ValueType.VECTOR; }
    }

    record MatrixSelector(Node selector, long rangeNanos, DurationExpr rangeExpr, int start, int end) implements Node {
        public ValueType type() { return ValueType.MATRIX; }
    }

    record SubqueryExpr(Node expr, long rangeNanos, DurationExpr rangeExpr, long stepNanos, DurationExpr stepExpr,
                        Modifiers modifiers, int start, int end) implements Node {
        public ValueType type() { return ValueType.MATRIX; }
    }

    record AggregateExpr(String op, Node param, Node expr, List<String> grouping, boolean without,
                         int start, int end) implements Node {
        public ValueType type() { return ValueType.VECTOR; }
    }

    record Call(Function function, List<Node> args, int start, int end) implements Node {
        public ValueType type() { return function.returnType(); }
    }

    record ParenExpr(Node expr, int start, int end) implements Node {
        public ValueType type() { return expr.type(); }
    }

    record UnaryExpr(String op, Node expr, int start, int end) implements Node {
        public ValueType type() { return expr.type(); }
    }

    enum Cardinality { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    /** on/ignoring, group_left/right and fill modifiers of a binary operation; null fills mean "not set". */
    record VectorMatching(Cardinality card, List<String> matchingLabels, boolean on, List<String> include,
                          Double fillLeft, Double fillRight) {
        boolean hasFill() { return fillLeft != null || fillRight != null; }
    }

    /** {@code matching} is null when an operand is a scalar (Prometheus drops it then). */
    record BinaryExpr(String op, Node lhs, Node rhs, boolean returnBool, VectorMatching matching,
                      int opStart, int opEnd, int start, int end) implements Node {
        public ValueType type() {
            return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
        }
    }
}
