package dev.rulesync.validate.promql;

import dev.rulesync.validate.ExprProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromQLTest {

    private final PromQL promql = new PromQL(PromQL.Options.PROMETHEUS_DEFAULT);
    private final PromQL all = new PromQL(PromQL.Options.ALL);

    @Test
    void isNamedPromql() {
        assertThat(promql.name()).isEqualTo("promql");
    }

    @Test
    void defaultsToWhatMimirParsesWith() {
        PromQL mimir = new PromQL();
        assertThat(mimir.options()).isEqualTo(PromQL.Options.MIMIR_DEFAULT);
        assertThat(mimir.analyze("limitk(1, x) + info(y)").problems()).isEmpty();
        assertThat(mimir.analyze("holt_winters(x[5m], 0.5, 0.5)").problems()).isEmpty();
        assertThat(promql.analyze("holt_winters(x[5m], 0.5, 0.5)").problems()).extracting(ExprProblem::message)
                .containsExactly("unknown function with name \"holt_winters\"");
        assertThat(mimir.analyze("x + fill(0) y").problems()).isNotEmpty();
    }

    @Test
    void canonicalFormIgnoresLayoutCommentsAndMatcherOrder() {
        String a = promql.analyze("sum(rate(x{b=\"2\", a='1'}[300s])) by (job)  # comment").canonical();
        String b = promql.analyze("sum by (job) (\n  rate(x{a=\"1\",b=\"2\"}[5m])\n)").canonical();
        assertThat(a).isEqualTo(b).isEqualTo("sum by (job) (rate(x{a=\"1\",b=\"2\"}[5m]))");
    }

    @Test
    void canonicalFormKeepsDifferentTreesApart() {
        assertThat(promql.analyze("a + b * c").canonical()).isNotEqualTo(promql.analyze("(a + b) * c").canonical());
        assertThat(promql.analyze("sum by (a, b) (x)").canonical()).isNotEqualTo(promql.analyze("sum by (b, a) (x)").canonical());
    }

    @Test
    void canonicalFormIsAFixedPoint() {
        String once = promql.analyze("x  offset 1m  @  100 / on(a) group_left y").canonical();
        assertThat(promql.analyze(once).canonical()).isEqualTo(once).isEqualTo("x @ 100.000 offset 1m / on (a) group_left () y");
    }

    @Test
    void canonicalRejectsInvalidExpressions() {
        assertThatThrownBy(() -> promql.analyze("sum(").canonical())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("1:5: ");
    }

    @Test
    void exposesTheResultType() {
        assertThat(promql.parse("up == 1").type()).isEqualTo(ValueType.VECTOR);
        assertThat(promql.parse("1 + 2").type()).isEqualTo(ValueType.SCALAR);
        assertThat(promql.parse("x[5m]").type()).isEqualTo(ValueType.MATRIX);
        assertThat(promql.parse("\"s\"").type()).isEqualTo(ValueType.STRING);
        assertThat(promql.parse("sum(").type()).isEqualTo(ValueType.NONE);
        assertThat(promql.parse("rate(x[5m])").root()).isInstanceOf(Node.Call.class);
    }

    @Test
    void positionsCountLinesAndCodePointsInsideTheExpression() {
        ExprProblem p = promql.analyze("sum(\n  rate(x{a=\"é\"}[5m]) +\n  foo{}[5m]\n)").problems().getFirst();
        assertThat(p.message()).isEqualTo("binary expression must contain only scalar and instant vector types");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(3);
        ExprProblem q = promql.analyze("{\"é\"=\"x\"} + bad(1)").problems().getFirst();
        assertThat(q.column()).isEqualTo(13);
    }

    @Test
    void experimentalFunctionsAndFillModifiersNeedTheirOptions() {
        assertThat(promql.analyze("limitk(1, x)").problems()).isNotEmpty();
        assertThat(all.analyze("limitk(1, x)").problems()).isEmpty();
        assertThat(promql.analyze("x + fill(0) y").problems()).extracting(ExprProblem::message)
                .containsExactly("binop fill modifiers are experimental and not enabled");
        assertThat(all.analyze("x + fill(0) y").problems()).isEmpty();
    }

    @Test
    void durationExpressionsCanBeSwitchedOff() {
        PromQL off = new PromQL(new PromQL.Options(false, false, false, false, false));
        assertThat(promql.analyze("x[5m + 1m]").problems()).isEmpty();
        assertThat(off.analyze("x[5m + 1m]").problems()).extracting(ExprProblem::message)
                .containsExactly("experimental duration expression is not enabled");
        assertThat(off.analyze("x[5m] offset 1m").problems()).isEmpty();
    }

    @Test
    void legacyNameValidationRejectsUtf8Names() {
        PromQL legacy = new PromQL(new PromQL.Options(false, false, true, true, false));
        assertThat(promql.analyze("{\"metric.name\"}").problems()).isEmpty();
        assertThat(legacy.analyze("{\"metric.name\"}").problems()).isNotEmpty();
        assertThat(legacy.analyze("sum by (\"a.b\") (x)").problems()).isNotEmpty();
        assertThat(legacy.analyze("sum by (a) (x{\"b\"=\"c\"})").problems()).isEmpty();
    }

    @Test
    void keywordsAreMetricAndLabelNames() {
        assertThat(promql.analyze("by + offset{on=\"1\"} * sum").canonical()).isEqualTo("by + offset{on=\"1\"} * sum");
        assertThat(promql.analyze("sum by (bool, on, offset) (x)").problems()).isEmpty();
    }

    // Disagreements the differential suite found, kept as named cases.

    @Test
    void invalidUtf8BytesFromEscapesPrintAsHexEscapesLikeGo() {
        assertThat(all.analyze("count_values(\"a\\xc5z\", version)").canonical()).isEqualTo("count_values(\"a\\xc5z\", version)");
        assertThat(all.analyze("label_replace(x, \"\\xff\", \"\", \"src\", \"(.*)\")").canonical())
                .isEqualTo("label_replace(x, \"\\xff\", \"\", \"src\", \"(.*)\")");
    }

    @Test
    void fillWithNaNPrintsBothSidesBecauseNaNIsNotEqualToItself() {
        assertThat(all.analyze("left_vector + fill(NaN) right_vector").canonical())
                .isEqualTo("left_vector + fill_left (NaN) fill_right (NaN) right_vector");
    }

    @Test
    void doublySignedOffsetTakesTheWholeDurationExpression() {
        // 'offset -1m + 1m' adds 1m to the selector; 'offset - -1m + 1m' offsets by (1m + 1m), as Prometheus does.
        assertThat(all.analyze("rate(foo[5m] offset -1m + 1m)").problems()).isNotEmpty();
        assertThat(all.analyze("rate(foo[5m] offset - -1m + 1m)").problems()).isEmpty();
        assertThat(all.analyze("foo offset - -5m ^ 2").canonical()).isEqualTo("foo offset --5m ^ 2");
    }

    @Test
    void arithmeticAfterAParenthesisedOffsetBelongsToTheDurationNotTheSelector() {
        // Prometheus' LALR parser shifts + - * / % ^ after 'offset (...)' into the duration expression (the rule
        // offset_duration_expr: duration_expr has no precedence, so yacc shifts), then fails on a vector operand.
        // ANTLR would back out and read 'foo offset (5m) + bar' as a binary expression on the selector.
        PromQL noDurations = new PromQL(new PromQL.Options(false, false, false, false, false));
        for (PromQL p : new PromQL[] {promql, all, noDurations}) {
            // the syntax error comes first (with duration expressions off, the gate's problem follows it)
            assertThat(p.analyze("foo offset (5m) + bar").problems().getFirst()).isEqualTo(new ExprProblem(1, 19,
                    "unexpected identifier \"bar\" in offset, expected number, duration, step(), or range()"));
            // the place is where the duration expression stops, as in Prometheus
            assertThat(p.analyze("foo offset (5m) + (1 + bar)").problems().getFirst().column()).isEqualTo(24);
            assertThat(p.analyze("foo offset (5m) - -bar").problems().getFirst().column()).isEqualTo(20);
            // a sign-parenthesis offset is one term, and a literal offset too: the operator is binary
            assertThat(p.analyze("foo offset 5m + bar").problems()).isEmpty();
            // @ takes no parenthesised expression at all
            assertThat(p.analyze("foo @ (5) + bar").problems()).extracting(ExprProblem::message)
                    .containsExactly("unexpected \"(\" in @, expected timestamp");
        }
        assertThat(all.analyze("foo offset (5m) + 1").canonical()).isEqualTo("foo offset (5m) + 1");
        assertThat(all.analyze("foo offset -(5m) + bar").problems()).isEmpty();
        // comparisons, set operators and atan2 cannot continue a duration: they apply to the selector
        assertThat(all.analyze("foo offset (5m) == bar").problems()).isEmpty();
        assertThat(all.analyze("foo offset (5m) atan2 bar").problems()).isEmpty();
        assertThat(noDurations.analyze("foo offset (5m) == bar").problems()).extracting(ExprProblem::message)
                .containsExactly("experimental duration expression is not enabled");
    }

    @Test
    void commentInsideBracketsOnlyAfterTheFirstNumber() {
        assertThat(promql.analyze("rate(x[5m # c\n])").problems()).isEmpty();
        assertThat(promql.analyze("rate(x[# c\n5m])").problems()).extracting(ExprProblem::message)
                .containsExactly("unexpected character in duration expression: '#'");
    }

    @Test
    void offsetNaNBecomesGoMinInt64() {
        assertThat(promql.analyze("foo offset NaN").canonical()).isEqualTo("foo offset --106751d23h47m16s854ms");
    }

    @Test
    void durationLiteralsPrintWithGoFloatTruncation() {
        assertThat(all.analyze("foo[1s1ms - 1]").canonical()).isEqualTo("foo[1s - 1]");
        assertThat(all.analyze("foo[1s1ms]").canonical()).isEqualTo("foo[1s1ms]");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> promql.analyze("sum by (a) (rate(x" + n + "[5m]))").canonical()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo("sum by (a) (rate(x" + i + "[5m]))");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
