package dev.rulesync.source;

import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Bad input is a problem at a place, never a crash, in reading or checking: thousands of small random edits of valid rule files (deleted,
 * doubled or replaced characters, with a fixed seed) must all load, and every problem must point into the file.
 */
class LoaderRobustnessTest {

    private static final String ALPHABET = " \n\t:-|>'\"{}[],#&*!%@`0a";

    @Test
    void mutatedFilesNeverCrashTheLoader() throws IOException {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> s = Stream.of(Path.of("src/test/resources/lint/good"), Path.of("rules/tenants/prod"))
                .flatMap(d -> {
                    try {
                        return Files.list(d);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })) {
            for (Path p : s.sorted().toList()) seeds.add(Files.readString(p));
        }
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(4);
        Random random = new Random(42);
        RuleFileLoader loader = new RuleFileLoader();
        dev.rulesync.engine.Linter linter = new dev.rulesync.engine.Linter(loader,
                new dev.rulesync.classify.Classifier(dev.rulesync.classify.ClassifyOptions.DEFAULTS),
                new dev.rulesync.validate.Validator(dev.rulesync.validate.ValidationOptions.DEFAULTS,
                        dev.rulesync.validate.ExpressionLanguages.builtIn()));
        int withProblems = 0;
        for (int i = 0; i < 3000; i++) {
            String seed = seeds.get(i % seeds.size());
            StringBuilder sb = new StringBuilder(seed);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, sb.charAt(at));
                    default -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            String text = sb.toString();
            long lines = text.lines().count() + 1;
            LoadResult[] r = new LoadResult[1];
            assertThatCode(() -> r[0] = loader.load("m.yaml", text)).as(text).doesNotThrowAnyException();
            List<Problem> all = new ArrayList<>(r[0].problems());
            for (LoadedObject o : r[0].objects()) {
                assertThatCode(() -> all.addAll(linter.check(o).problems())).as(text).doesNotThrowAnyException();
            }
            if (!all.isEmpty()) withProblems++;
            for (Problem p : all) {
                Position pos = p.position();
                assertThat(pos.line()).as("%s in\n%s", p, text).isBetween(1, (int) lines);
                assertThat(pos.column()).as("%s", p).isPositive();
            }
        }
        assertThat(withProblems).as("the edits do break files").isGreaterThan(300);
    }
}
