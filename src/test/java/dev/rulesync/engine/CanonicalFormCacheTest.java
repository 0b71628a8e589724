package dev.rulesync.engine;

import dev.rulesync.testsupport.CountingLanguage;
import dev.rulesync.validate.promql.PromQL;
import org.junit.jupiter.api.Test;

import java.util.List;

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
        CountingLanguage counting = new CountingLanguage(promql);
        CanonicalFormCache cache = new CanonicalFormCache(counting);
        cache.analyze("up == 0").problems();
        cache.analyze("up == 0").canonical();
        cache.analyze("up  ==  0").canonical();
        assertThat(counting.calls().get()).isEqualTo(2);
    }

    @Test
    void anInvalidExpressionKeepsItsProblemsAndHasNoCanonicalForm() {
        CountingLanguage counting = new CountingLanguage(promql);
        CanonicalFormCache cache = new CanonicalFormCache(counting);
        assertThat(cache.analyze("sum(").problems()).isNotEmpty();
        assertThatThrownBy(() -> cache.analyze("sum(").canonical()).isInstanceOf(IllegalArgumentException.class);
        assertThat(counting.calls().get()).isEqualTo(1);
        assertThat(cache.analyze("up").valid()).isTrue();
        assertThat(cache.name()).isEqualTo("promql");
    }
}
