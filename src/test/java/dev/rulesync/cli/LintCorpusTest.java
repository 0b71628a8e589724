package dev.rulesync.cli;

import dev.rulesync.validate.CheckInfo;
import dev.rulesync.validate.Checks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broken-file corpus: every file holds one defect, and src/test/resources/lint/broken/expected.txt says at
 * which line, column and under which check it must be reported. Any missing or extra problem fails.
 */
class LintCorpusTest {

    private static final Path BROKEN = Path.of("src/test/resources/lint/broken");
    private static final Path GOOD = Path.of("src/test/resources/lint/good");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Expectation(List<String> args, Set<String> problems) {
    }

    private static Map<String, Expectation> expectations() throws IOException {
        Map<String, Expectation> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(BROKEN.resolve("expected.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.trim().split("\\s+");
            Expectation e = out.computeIfAbsent(parts[0], k -> new Expectation(new ArrayList<>(), new TreeSet<>()));
            if (parts[1].equals("args")) {
                e.args.addAll(List.of(parts).subList(2, parts.length));
            } else {
                e.problems.add(parts[1] + " " + parts[2]);
            }
        }
        return out;
    }

    static Set<String> problems(CliRunner.Result r) {
        JsonNode root = JSON.readTree(r.out());
        Set<String> out = new TreeSet<>();
        for (JsonNode p : root.get("problems")) {
            out.add(p.get("line").asInt() + ":" + p.get("column").asInt() + " " + p.get("check").asString());
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenFileReportsExactlyItsDefect() throws IOException {
        Map<String, Expectation> expected = expectations();
        List<String> files;
        try (Stream<Path> s = Files.list(BROKEN)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertThat(expected.keySet()).as("every broken file has expectations").containsExactlyInAnyOrderElementsOf(files);
        return files.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Expectation e = expected.get(name);
            List<String> args = new ArrayList<>(List.of("lint", "--format", "json"));
            args.addAll(e.args);
            args.add(BROKEN.resolve(name).toString());
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertThat(problems(r)).as(r.out()).isEqualTo(e.problems);
            boolean hasError = r.out().contains("\"severity\" : \"error\"");
            assertThat(r.exit()).isEqualTo(hasError ? 1 : 0);
        }));
    }

    @Test
    void everyCheckWithoutAnExpressionParserFiresSomewhereInTheCorpus() throws IOException {
        Set<String> fired = expectations().values().stream()
                .flatMap(e -> e.problems.stream().map(p -> p.substring(p.indexOf(' ') + 1)))
                .collect(Collectors.toSet());
        Set<String> all = Checks.all().stream().map(CheckInfo::name)
                .filter(n -> !n.endsWith("/syntax") || n.startsWith("yaml/")).collect(Collectors.toSet());
        assertThat(fired).containsAll(all);
    }

    @Test
    void goodFilesHaveNoProblem() {
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", "--tenant", "team-a", "--type", "metrics",
                GOOD.toString());
        assertThat(problems(r)).as(r.out()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(JSON.readTree(r.out()).get("summary").get("objects").asInt()).isEqualTo(4);
    }
}
