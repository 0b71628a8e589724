package dev.rulesync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application as users run it: the jar and the bin/rule-sync launcher in their own processes, real
 * exit codes, and no Spring context or web server for anything but {@code controller} (lint must start fast and
 * must not open a port; a mistyped command must fail rather than start an idle server).
 */
class LintJarIT {

    private static final Path BASE = Path.of(System.getProperty("rulesync.basedir", ".")).toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path workingDir, Map<String, String> env, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lint", ".out");
        Path err = Files.createTempFile("lint", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workingDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(2, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        assertThat(done).as("the command ended").isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private static Run jar(Path workingDir, String... args) throws IOException, InterruptedException {
        Path jar = BASE.resolve("target/rule-sync.jar");
        assertThat(jar).exists();
        List<String> cmd = new ArrayList<>(List.of(JAVA.toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return run(workingDir, Map.of(), cmd);
    }

    private static Run lint(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("lint"));
        all.addAll(List.of(args));
        return jar(BASE, all.toArray(String[]::new));
    }

    @Test
    void theTenantRulesLintCleanWithoutSpring() throws Exception {
        Run r = lint("rules/");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("no problems in 4 files, 4 objects, 22 rules\n");
        assertThat(r.out() + r.err()).doesNotContain("Spring").doesNotContain("Netty").doesNotContain("Started");
    }

    @Test
    void brokenFilesExitOneAndMissingPathsExitTwo() throws Exception {
        Run broken = lint("--format", "github", "src/test/resources/lint/broken/alerts-for.yaml");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).startsWith("::error file=src/test/resources/lint/broken/alerts-for.yaml,line=15,col=12,");
        Run missing = lint("no/such/dir");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no/such/dir");
    }

    /**
     * 5,000 levels of nesting (10 KB) in each syntax a rule file holds: one problem at its place, exit 1 and nothing
     * on stderr, never a StackOverflowError trace (which CI would read as "problems found" too). The template case
     * depends on the Go template parser's own cap.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"promql", "logql", "yaml", "template"})
    void deepNestingInEachSyntaxIsAProblemAtItsPlace(String syntax, @TempDir Path dir) throws Exception {
        String nested = "(".repeat(5000) + "1" + ")".repeat(5000);
        String type = syntax.equals("logql") ? "logs" : "metrics";
        String rule = switch (syntax) {
            case "promql" -> "    expr: \"" + nested + "\"\n";
            case "logql" -> "    expr: \"" + "(".repeat(5000) + "count_over_time({a=\\\"b\\\"}[1m])"
                    + ")".repeat(5000) + "\"\n";
            case "yaml" -> "    expr: up\n    labels: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
            default -> "    expr: up\n    annotations: {summary: \"{{ " + nested + " }}\"}\n";
        };
        String check = switch (syntax) {
            case "template" -> "alerts/template";
            case "yaml" -> "yaml/syntax";
            default -> syntax + "/syntax";
        };
        int line = syntax.equals("promql") || syntax.equals("logql") ? 5 : 6;
        Path file = dir.resolve(syntax + ".yaml");
        Files.writeString(file, "groups:\n- name: g\n  rules:\n  - alert: Deep\n" + rule);
        Run r = lint("--tenant", "t", "--type", type, file.toString());
        assertThat(r.err()).as("stderr").isEmpty();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith(file + ":" + line + ":")
                .contains(": error: ").endsWith("[" + check + "]"));
    }

    @Test
    void aMistypedCommandExitsTwoInsteadOfStartingAServer() throws Exception {
        Run r = jar(BASE, "lnit", "rules/");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown command 'lnit'; did you mean lint?", "Usage: rule-sync");
        assertThat(r.out() + r.err()).doesNotContain("Started").doesNotContain("Netty");
        assertThat(jar(BASE).exit()).as("no command").isEqualTo(2);
    }

    @Test
    void anApplicationYamlInTheWorkingDirectoryConfiguresLintAsItDoesPlan(@TempDir Path dir) throws Exception {
        Path rules = Files.copy(BASE.resolve("src/test/resources/lint/broken/rule-label-legacy.yaml"), dir.resolve("r.yaml"));
        Run legacy = jar(dir, "lint", rules.toString());
        assertThat(legacy.exit()).as("legacy names by default, as Mimir ships: " + legacy.out() + legacy.err())
                .isEqualTo(1);
        assertThat(legacy.out()).contains("[rule/label]");
        Files.writeString(dir.resolve("application.yaml"), "rulesync:\n  lint:\n    mimir:\n      name-validation: utf8\n");
        Run utf8 = jar(dir, "lint", rules.toString());
        assertThat(utf8.exit()).as(utf8.out() + utf8.err()).isZero();
    }

    @Test
    void theControllerCommandStartsTheSpringApplication(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("controller.out");
        Process p = new ProcessBuilder(JAVA.toString(), "-jar", BASE.resolve("target/rule-sync.jar").toString(),
                "controller", "--server.port=0", "--management.server.port=0").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(p.isAlive()).as(() -> read(out)).isTrue();
                assertThat(read(out)).contains("Started RuleSyncApplication");
            });
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    @Test
    void theLauncherRunsTheExtractedJarWithACachePerCommand(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", JAVA.getParent().getParent().toString(),
                "RULE_SYNC_APP", dir.resolve("app").toString(), "RULE_SYNC_CACHE_DIR", dir.resolve("cache").toString());
        List<String> launcher = List.of(BASE.resolve("bin/rule-sync").toString());
        // the first run writes the cache: its report must be as clean as any other (no JVM notes on stdout)
        Run first = run(BASE, env, concat(launcher, "lint", "--format", "json", "rules/"));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(JsonMapper.builder().build().readTree(first.out()).get("summary").get("rules").asInt()).isEqualTo(22);
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .singleElement().asString().startsWith("rule-sync-lint-");
        }
        Run second = run(BASE, env, concat(launcher, "lint", "rules/"));
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo("no problems in 4 files, 4 objects, 22 rules\n");
        assertThat(second.err()).isEmpty();
        Run typo = run(BASE, env, concat(launcher, "lnit", "rules/"));
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("did you mean lint?");
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
