package dev.rulesync.gosyntax;

import dev.rulesync.gosyntax.GoRegexp.Syntax;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Examples; GoRegexpOracleIT compares the parser with Go on many more regexps. */
class GoRegexpTest {

    @Test
    void theIssuesExamplesAsGoJudgesThem() {
        assertThat(GoRegexp.parse("(?P<n>a)(?P<n>b)", Syntax.GRAFANA).groupNames()).containsExactly("n", "n");
        assertThat(GoRegexp.error("[[:]", Syntax.GRAFANA)).isNull();
        assertThat(GoRegexp.error("(a{1000}){1000}", Syntax.GRAFANA))
                .isEqualTo("error parsing regexp: invalid repeat count: `{1000}`");
    }

    @Test
    void theTwoSyntaxesDifferInClassNames() {
        assertThat(GoRegexp.error("\\p{Letter}", Syntax.GO)).isNull();
        assertThat(GoRegexp.error("\\p{Letter}", Syntax.GRAFANA))
                .isEqualTo("error parsing regexp: invalid character class range: `\\p{Letter}`");
        assertThat(GoRegexp.error("\\p{Old_Italic}", Syntax.GRAFANA)).isNull();
    }

    @Test
    void matchersAnswerWhetherTheyMatchTheEmptyString() {
        assertThat(GoRegexp.matcher(".*").matchesEmpty()).isTrue();
        assertThat(GoRegexp.matcher("a|").matchesEmpty()).isTrue();
        assertThat(GoRegexp.matcher("(a|b){0}").matchesEmpty()).isTrue();
        assertThat(GoRegexp.matcher("^$").matchesEmpty()).isTrue();
        assertThat(GoRegexp.matcher("\\b").matchesEmpty()).isFalse();
        assertThat(GoRegexp.matcher("a+").matchesEmpty()).isFalse();
        // plain alternatives are not parsed by Prometheus, so not even a byte that is not UTF-8 is an error
        assertThat(GoRegexp.matcher("x" + (char) 0xDCFF).ok()).isTrue();
        assertThat(GoRegexp.parse("x" + (char) 0xDCFF, Syntax.GRAFANA).error()).startsWith("error parsing regexp: invalid UTF-8");
    }

    @Test
    void deepNestingIsGosErrorAndNeverOverflowsTheStack() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> deep = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                deep.set(GoRegexp.error("(".repeat(100_000) + "a" + ")".repeat(100_000), Syntax.GRAFANA));
                GoRegexp.error("(?:".repeat(100_000) + "a" + ")".repeat(100_000), Syntax.GRAFANA);
                GoRegexp.error("(?:a*)*".repeat(100_000), Syntax.GRAFANA);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 128 * 1024);
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
        assertThat(deep.get()).startsWith("error parsing regexp: expression nests too deeply");
    }
}
