package dev.rulesync.validate;

import dev.rulesync.validate.logql.LogQL;
import dev.rulesync.validate.promql.PromQL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a PromQL or LogQL expression can nest: far past the limit it is one problem at the place where the limit
 * is passed (never a StackOverflowError), and at the deepest level the limit allows it is checked, printed and
 * evaluation-checked on a thread with a 256 KB stack, a quarter of the JVM's default.
 */
class NestingLimitTest {

    private static final PromQL PROMQL = new PromQL();
    private static final LogQL LOGQL = new LogQL();
    private static final String RANGE = "count_over_time({a=\"b\"}[1m])";

    /** A shape: a language and an expression built from a nesting count n. */
    record Shape(String name, ExpressionLanguage language, IntFunction<String> expr) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                new Shape("promql parentheses", PROMQL, n -> "(".repeat(n) + "up" + ")".repeat(n)),
                new Shape("promql binary chain", PROMQL, n -> "up" + " + up".repeat(n)),
                new Shape("promql right-associative ^", PROMQL, n -> "up" + " ^ up".repeat(n)),
                new Shape("promql unary signs", PROMQL, n -> "-".repeat(n) + "up"),
                new Shape("promql function calls", PROMQL, n -> "abs(".repeat(n) + "up" + ")".repeat(n)),
                new Shape("promql aggregations", PROMQL, n -> "sum(".repeat(n) + "up" + ")".repeat(n)),
                new Shape("promql subqueries", PROMQL, n -> "max_over_time(".repeat(n) + "up"
                        + "[5m:1m])".repeat(n)),
                new Shape("promql duration parentheses", PROMQL, n -> "up[" + "(".repeat(n) + "5m" + ")".repeat(n) + "]"),
                new Shape("promql duration chain", PROMQL, n -> "up[5m" + " + 1m".repeat(n) + "]"),
                new Shape("logql parentheses", LOGQL, n -> "(".repeat(n) + RANGE + ")".repeat(n)),
                new Shape("logql binary chain", LOGQL, n -> RANGE + (" + " + RANGE).repeat(n)),
                new Shape("logql aggregations", LOGQL, n -> "sum(".repeat(n) + RANGE + ")".repeat(n)),
                new Shape("logql label filter chain", LOGQL, n -> "count_over_time({a=\"b\"} | x=\"1\""
                        + " and x=\"1\"".repeat(n) + " [1m])"),
                new Shape("logql label filter parentheses", LOGQL, n -> "count_over_time({a=\"b\"} | "
                        + "(".repeat(n) + "x=\"1\"" + ")".repeat(n) + " [1m])"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void farPastTheLimitIsOneProblemAtItsPlace(Shape shape) {
        int limit = shape.language() == PROMQL ? PromQL.MAX_NESTING : LogQL.MAX_NESTING;
        // LogQL refuses 128 KB and more before parsing; stay under it so that the nesting is what is judged
        int n = shape.language() == LOGQL ? 2_000 : 100_000;
        List<ExprProblem> problems = onSmallStack(() -> shape.language().analyze(shape.expr().apply(n)).problems());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).endsWith("expression nests deeper than " + limit + " levels");
            assertThat(p.line()).isEqualTo(1);
            // the place where the limit is passed: past the first `limit` characters, long before the end
            assertThat(p.column()).isBetween(limit / 2, 40 * limit);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void theDeepestAllowedExpressionIsFullyCheckedOnASmallStack(Shape shape) {
        int deepest = deepestAllowed(shape);
        assertThat(deepest).as("the limit lets real nesting through").isGreaterThan(30);
        String expr = shape.expr().apply(deepest);
        String done = onSmallStack(() -> {
            ExpressionAnalysis a = shape.language().analyze(expr);
            if (a.valid()) {
                a.canonical();
                a.evaluationProblems();
            }
            return "done";
        });
        assertThat(done).isEqualTo("done");
    }

    /** The largest n whose expression is not refused for nesting (binary search; the refusal is monotone in n). */
    private static int deepestAllowed(Shape shape) {
        int lo = 0;
        int hi = 4 * PromQL.MAX_NESTING;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            boolean tooDeep = shape.language().analyze(shape.expr().apply(mid)).problems().stream()
                    .anyMatch(p -> p.message().contains("nests deeper"));
            if (tooDeep) hi = mid - 1; else lo = mid;
        }
        return lo;
    }

    private static <T> T onSmallStack(java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(failure.get()).as("no error, StackOverflowError included").isNull();
        return result.get();
    }
}
