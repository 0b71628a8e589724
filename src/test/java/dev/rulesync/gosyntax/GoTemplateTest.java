package dev.rulesync.gosyntax;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Examples and the nesting cap; GoTemplateOracleIT compares the parser with Go on many more templates. */
class GoTemplateTest {

    private static final GoTemplate.Env ENV = new GoTemplate.Env("t", "", Set.of("humanize"));

    private static Optional<GoTemplate.Error> parse(String text) {
        return GoTemplate.parse(text, ENV);
    }

    @Test
    void acceptsAndRejectsAsGo() {
        assertThat(parse("{{block \"b\" .}}{{end}}")).isEmpty();
        assertThat(parse("{{ humanize 1 | printf \"%s\" }}")).isEmpty();
        assertThat(parse("{{\"\\q\"}}")).get().extracting(GoTemplate.Error::message).isEqualTo("invalid syntax");
        assertThat(parse("{{'ab'}}")).get().extracting(GoTemplate.Error::message)
                .isEqualTo("malformed character constant: 'ab'");
        assertThat(parse("{{08}}")).get().extracting(GoTemplate.Error::message).isEqualTo("integer overflow: \"08\"");
        assertThat(parse("a\n{{ nope }}")).get().extracting(GoTemplate.Error::goMessage)
                .isEqualTo("template: t:2: function \"nope\" not defined");
    }

    @Test
    void placesTheErrorAtTheTokenAfterAHeader() {
        GoTemplate.Env header = new GoTemplate.Env("t", "{{$v := 1}}", Set.of());
        assertThat(GoTemplate.parse("ok {{ $v }} {{ $w }}", header)).hasValueSatisfying(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(16);
            assertThat(e.message()).isEqualTo("undefined variable \"$w\"");
        });
    }

    @Test
    void nestingDeeperThanTheCapIsAProblemAtItsPlace() {
        int depth = GoTemplate.MAX_DEPTH;
        assertThat(parse("{{if 1}}".repeat(depth) + "{{end}}".repeat(depth))).isEmpty();
        String tooDeep = "{{if 1}}".repeat(depth) + "\n{{if 2}}" + "{{end}}".repeat(depth + 1);
        assertThat(parse(tooDeep)).hasValueSatisfying(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(3);
            assertThat(e.message()).contains("nesting deeper than " + depth);
        });
        assertThat(parse("{{" + "(".repeat(depth + 1) + "1" + ")".repeat(depth + 1) + "}}")).get()
                .extracting(GoTemplate.Error::message).asString().contains("nesting deeper");
        assertThat(parse("{{if 1}}" + "{{else if 1}}".repeat(depth + 1) + "{{end}}")).get()
                .extracting(GoTemplate.Error::message).asString().contains("nesting deeper");
    }

    @Test
    void absurdNestingNeverOverflowsASmallStack() throws InterruptedException {
        String[] templates = {
                "{{if 1}}".repeat(100_000) + "{{end}}".repeat(100_000),
                "{{" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "}}",
                "{{range .}}{{with .}}".repeat(50_000),
                "{{if 1}}" + "{{else if 1}}".repeat(100_000) + "{{end}}",
                "{{" + "(".repeat(GoTemplate.MAX_DEPTH) + "1" + ")".repeat(GoTemplate.MAX_DEPTH) + "}}",
                "{{if 1}}".repeat(GoTemplate.MAX_DEPTH) + "{{end}}".repeat(GoTemplate.MAX_DEPTH),
                "{{ 1 }}".repeat(200_000),
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // half of Java's default thread stack (1 MB on 64-bit Linux); 100 levels need about 200 KB
        Thread t = new Thread(null, () -> {
            try {
                for (String template : templates) parse(template);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
    }
}
