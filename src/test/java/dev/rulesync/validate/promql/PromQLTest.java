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
        assertThat(mimir.check("limitk(1, x) + info(y)")).isEmpty();
        assertThat(mimir.check("holt_winters(x[5m], 0.5, 0.5)")).isEmpty();
        assertThat(promql.check("holt_winters(x[5m], 0.5, 0.5)")).extracting(ExprProblem::message)
                .containsExactly("unknown function with name \"holt_winters\"");
        assertThat(mimir.check("x + fill(0) y")).isNotEmpty();
    }

    @Test
    void canonicalFormIgnoresLayoutCommentsAndMatcherOrder() {
        String a = promql.canonical("sum(rate(x{b=\"2\", a='1'}[300s])) by (job)  # comment");
        String b = promql.canonical("sum by (job) (\n  rate(x{a=\"1\",b=\"2\"}[5m])\n)");
        assertThat(a).isEqualTo(b).isEqualTo("sum by (job) (rate(x{a=\"1\",b=\"2\"}[5m]))");
    }

    @Test
    void canonicalFormKeepsDifferentTreesApart() {
        assertThat(promql.canonical("a + b * c")).isNotEqualTo(promql.canonical("(a + b) * c"));
        assertThat(promql.canonical("sum by (a, b) (x)")).isNotEqualTo(promql.canonical("sum by (b, a) (x)"));
    }

    @Test
    void canonicalFormIsAFixedPoint() {
        String once = promql.canonical("x  offset 1m  @  100 / on(a) group_left y");
        assertThat(promql.canonical(once)).isEqualTo(once).isEqualTo("x @ 100.000 offset 1m / on (a) group_left () y");
    }

    @Test
    void canonicalRejectsInvalidExpressions() {
        assertThatThrownBy(() -> promql.canonical("sum("))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("1:5: parse error: ");
    }

    @Test
    void exposesTheResultType() {
        assertThat(promql.type("up == 1")).isEqualTo(ValueType.VECTOR);
        assertThat(promql.type("1 + 2")).isEqualTo(ValueType.SCALAR);
        assertThat(promql.type("x[5m]")).isEqualTo(ValueType.MATRIX);
        assertThat(promql.type("\"s\"")).isEqualTo(ValueType.STRING);
        assertThat(promql.type("sum(")).isEqualTo(ValueType.NONE);
        assertThat(promql.parse("rate(x[5m])").root()).isInstanceOf(Node.Call.class);
    }

    @Test
    void positionsCountLinesAndCodePointsInsideTheExpression() {
        ExprProblem p = promql.check("sum(\n  rate(x{a=\"é\"}[5m]) +\n  foo{}[5m]\n)").getFirst();
        assertThat(p.message()).isEqualTo("binary expression must contain only scalar and instant vector types");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(3);
        ExprProblem q = promql.check("{\"é\"=\"x\"} + bad(1)").getFirst();
        assertThat(q.column()).isEqualTo(13);
    }

    @Test
    void experimentalFunctionsAndFillModifiersNeedTheirOptions() {
        assertThat(promql.check("limitk(1, x)")).isNotEmpty();
        assertThat(all.check("limitk(1, x)")).isEmpty();
        assertThat(promql.check("x + fill(0) y")).extracting(ExprProblem::message)
                .containsExactly("binop fill modifiers are experimental and not enabled");
        assertThat(all.check("x + fill(0) y")).isEmpty();
    }

    @Test
    void durationExpressionsCanBeSwitchedOff() {
        PromQL off = new PromQL(new PromQL.Options(false, false, false, false, false));
        assertThat(promql.check("x[5m + 1m]")).isEmpty();
        assertThat(off.check("x[5m + 1m]")).extracting(ExprProblem::message)
                .containsExactly("experimental duration expression is not enabled");
        assertThat(off.check("x[5m] offset 1m")).isEmpty();
    }

    @Test
    void legacyNameValidationRejectsUtf8Names() {
        PromQL legacy = new PromQL(new PromQL.Options(false, false, true, true, false));
        assertThat(promql.check("{\"metric.name\"}")).isEmpty();
        assertThat(legacy.check("{\"metric.name\"}")).isNotEmpty();
        assertThat(legacy.check("sum by (\"a.b\") (x)")).isNotEmpty();
        assertThat(legacy.check("sum by (a) (x{\"b\"=\"c\"})")).isEmpty();
    }

    @Test
    void keywordsAreMetricAndLabelNames() {
        assertThat(promql.canonical("by + offset{on=\"1\"} * sum")).isEqualTo("by + offset{on=\"1\"} * sum");
        assertThat(promql.check("sum by (bool, on, offset) (x)")).isEmpty();
    }

    // Disagreements the differential suite found, kept as named cases.

    @Test
    void invalidUtf8BytesFromEscapesPrintAsHexEscapesLikeGo() {
        assertThat(all.canonical("count_values(\"a\\xc5z\", version)")).isEqualTo("count_values(\"a\\xc5z\", version)");
        assertThat(all.canonical("label_replace(x, \"\\xff\", \"\", \"src\", \"(.*)\")"))
                .isEqualTo("label_replace(x, \"\\xff\", \"\", \"src\", \"(.*)\")");
    }

    @Test
    void fillWithNaNPrintsBothSidesBecauseNaNIsNotEqualToItself() {
        assertThat(all.canonical("left_vector + fill(NaN) right_vector"))
                .isEqualTo("left_vector + fill_left (NaN) fill_right (NaN) right_vector");
    }

    @Test
    void doublySignedOffsetTakesTheWholeDurationExpression() {
        // 'offset -1m + 1m' adds 1m to the selector; 'offset - -1m + 1m' offsets by (1m + 1m), as Prometheus does.
        assertThat(all.check("rate(foo[5m] offset -1m + 1m)")).isNotEmpty();
        assertThat(all.check("rate(foo[5m] offset - -1m + 1m)")).isEmpty();
        assertThat(all.canonical("foo offset - -5m ^ 2")).isEqualTo("foo offset --5m ^ 2");
    }

    @Test
    void arithmeticAfterAParenthesisedOffsetBelongsToTheDurationNotTheSelector() {
        // Prometheus' LALR parser shifts + - * / % ^ after 'offset (...)' into the duration expression (the rule
        // offset_duration_expr: duration_expr has no precedence, so yacc shifts), then fails on a vector operand.
        // ANTLR would back out and read 'foo offset (5m) + bar' as a binary expression on the selector.
        PromQL noDurations = new PromQL(new PromQL.Options(false, false, false, false, false));
        for (PromQL p : new PromQL[] {promql, all, noDurations}) {
            // the syntax error comes first (with duration expressions off, the gate's problem follows it)
            assertThat(p.check("foo offset (5m) + bar").getFirst()).isEqualTo(new ExprProblem(1, 19,
                    "unexpected identifier \"bar\" in offset, expected number, duration, step(), or range()"));
            // the place is where the duration expression stops, as in Prometheus
            assertThat(p.check("foo offset (5m) + (1 + bar)").getFirst().column()).isEqualTo(24);
            assertThat(p.check("foo offset (5m) - -bar").getFirst().column()).isEqualTo(20);
            // a sign-parenthesis offset is one term, and a literal offset too: the operator is binary
            assertThat(p.check("foo offset 5m + bar")).isEmpty();
            // @ takes no parenthesised expression at all
            assertThat(p.check("foo @ (5) + bar")).extracting(ExprProblem::message)
                    .containsExactly("unexpected \"(\" in @, expected timestamp");
        }
        assertThat(all.canonical("foo offset (5m) + 1")).isEqualTo("foo offset (5m) + 1");
        assertThat(all.check("foo offset -(5m) + bar")).isEmpty();
        // comparisons, set operators and atan2 cannot continue a duration: they apply to the selector
        assertThat(all.check("foo offset (5m) == bar")).isEmpty();
        assertThat(all.check("foo offset (5m) atan2 bar")).isEmpty();
        assertThat(noDurations.check("foo offset (5m) == bar")).extracting(ExprProblem::message)
                .containsExactly("experimental duration expression is not enabled");
    }

    @Test
    void commentInsideBracketsOnlyAfterTheFirstNumber() {
        assertThat(promql.check("rate(x[5m # c\n])")).isEmpty();
        assertThat(promql.check("rate(x[# c\n5m])")).extracting(ExprProblem::message)
                .containsExactly("unexpected character in duration expression: '#'");
    }

    @Test
    void offsetNaNBecomesGoMinInt64() {
        assertThat(promql.canonical("foo offset NaN")).isEqualTo("foo offset --106751d23h47m16s854ms");
    }

    @Test
    void durationLiteralsPrintWithGoFloatTruncation() {
        assertThat(all.canonical("foo[1s1ms - 1]")).isEqualTo("foo[1s - 1]");
        assertThat(all.canonical("foo[1s1ms]")).isEqualTo("foo[1s1ms]");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> promql.canonical("sum by (a) (rate(x" + n + "[5m]))")));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo("sum by (a) (rate(x" + i + "[5m]))");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
