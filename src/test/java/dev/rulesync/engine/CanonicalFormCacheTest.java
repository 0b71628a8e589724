package dev.rulesync.engine;

import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.ExpressionLanguage;
import dev.rulesync.validate.promql.PromQL;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalFormCacheTest {

    private final PromQL promql = new PromQL();

    @Test
    void givesTheLanguagesOwnCanonicalFormsSoEqualityIsUnchanged() {
        CanonicalFormCache cache = new CanonicalFormCache(promql);
        String reformatted = "sum  by(job)(rate(x[300s]))";
        String original = "sum by (job) (rate(x[5m]))";
        String changed = "sum by (job) (rate(x[10m]))";
        for (String e : List.of(reformatted, original, changed, original, reformatted)) {
            assertThat(cache.canonical(e)).isEqualTo(promql.canonical(e));
        }
        assertThat(cache.canonical(reformatted)).isEqualTo(cache.canonical(original));
        assertThat(cache.canonical(changed)).isNotEqualTo(cache.canonical(original));
    }

    @Test
    void parsesEachDistinctTextOnce() {
        Counting counting = new Counting(promql);
        CanonicalFormCache cache = new CanonicalFormCache(counting);
        cache.canonical("up == 0");
        cache.canonical("up == 0");
        cache.canonical("up  ==  0");
        assertThat(counting.canonicalCalls.get()).isEqualTo(2);
    }

    @Test
    void anInvalidExpressionFailsEveryTimeAndChecksAreNotCached() {
        Counting counting = new Counting(promql);
        CanonicalFormCache cache = new CanonicalFormCache(counting);
        assertThatThrownBy(() -> cache.canonical("sum(")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.canonical("sum(")).isInstanceOf(IllegalArgumentException.class);
        assertThat(counting.canonicalCalls.get()).isEqualTo(2);
        assertThat(cache.check("sum(")).isNotEmpty();
        assertThat(cache.check("up")).isEmpty();
        assertThat(cache.name()).isEqualTo("promql");
    }

    /** Counts the calls that reach the real language. */
    private record Counting(ExpressionLanguage real, AtomicInteger canonicalCalls) implements ExpressionLanguage {
        Counting(ExpressionLanguage real) {
            this(real, new AtomicInteger());
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public List<ExprProblem> check(String expr) {
            return real.check(expr);
        }

        @Override
        public String canonical(String expr) {
            canonicalCalls.incrementAndGet();
            return real.canonical(expr);
        }
    }
}
