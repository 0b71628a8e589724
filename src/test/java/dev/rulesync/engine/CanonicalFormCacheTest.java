package dev.rulesync.engine;

import dev.rulesync.validate.ExpressionAnalysis;
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
            assertThat(cache.analyze(e).canonical()).isEqualTo(promql.analyze(e).canonical());
        }
        assertThat(cache.analyze(reformatted).canonical()).isEqualTo(cache.analyze(original).canonical());
        assertThat(cache.analyze(changed).canonical()).isNotEqualTo(cache.analyze(original).canonical());
    }

    @Test
    void parsesEachDistinctTextOnce() {
        Counting counting = new Counting(promql);
        CanonicalFormCache cache = new CanonicalFormCache(counting);
        cache.analyze("up == 0").problems();
        cache.analyze("up == 0").canonical();
        cache.analyze("up  ==  0").canonical();
        assertThat(counting.calls.get()).isEqualTo(2);
    }

    @Test
    void anInvalidExpressionKeepsItsProblemsAndHasNoCanonicalForm() {
        Counting counting = new Counting(promql);
        CanonicalFormCache cache = new CanonicalFormCache(counting);
        assertThat(cache.analyze("sum(").problems()).isNotEmpty();
        assertThatThrownBy(() -> cache.analyze("sum(").canonical()).isInstanceOf(IllegalArgumentException.class);
        assertThat(counting.calls.get()).isEqualTo(1);
        assertThat(cache.analyze("up").valid()).isTrue();
        assertThat(cache.name()).isEqualTo("promql");
    }

    /** Counts the calls that reach the real language. */
    private record Counting(ExpressionLanguage real, AtomicInteger calls) implements ExpressionLanguage {
        Counting(ExpressionLanguage real) {
            this(real, new AtomicInteger());
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public ExpressionAnalysis analyze(String expr) {
            calls.incrementAndGet();
            return real.analyze(expr);
        }
    }
}
