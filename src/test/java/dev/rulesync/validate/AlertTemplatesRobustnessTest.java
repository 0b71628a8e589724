package dev.rulesync.validate;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Random template text gives a verdict, never an exception, and errors point inside the text. */
class AlertTemplatesRobustnessTest {

    private static final String[] PIECES = {"{{", "}}", "{{-", "-}}", " ", "\n", "$labels", ".job", "$value", "|",
            "humanize", "if", "else", "end", "range", "with", "(", ")", "\"s\"", "\"", "`", "'c'", "'", "1.5", "-",
            "/*", "*/", ":=", "=", "$x", ",", "nil", "true", ".", "\\", "x", "define", "template", "break"};

    @Test
    void randomTemplatesNeverThrow() {
        Random random = new Random(7);
        int errors = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) sb.append(PIECES[random.nextInt(PIECES.length)]);
            String t = sb.toString();
            var result = new Object() { java.util.Optional<dev.rulesync.gosyntax.GoTemplate.Error> value; };
            assertThatCode(() -> result.value = AlertTemplates.check(t)).as(t).doesNotThrowAnyException();
            if (result.value.isPresent()) {
                errors++;
                dev.rulesync.gosyntax.GoTemplate.Error e = result.value.get();
                assertThat(e.line()).as(t).isBetween(1, (int) t.chars().filter(c -> c == '\n').count() + 1);
                assertThat(e.column()).as(t).isPositive();
            }
        }
        assertThat(errors).isGreaterThan(1000);
    }
}
