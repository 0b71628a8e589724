package dev.rulesync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as users run it: a separate JVM, real exit codes, and no Spring context or web server
 * (the lint command must start fast and must not open a port).
 */
class LintJarIT {

    private static final Path BASE = Path.of(System.getProperty("rulesync.basedir", "."));

    private record Run(int exit, String out, String err) {
    }

    private static Run lint(String... args) throws IOException, InterruptedException {
        Path jar = BASE.resolve("target/rule-sync.jar");
        assertThat(jar).exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "lint"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("lint", ".out");
        Path err = Files.createTempFile("lint", ".err");
        Process p = new ProcessBuilder(cmd).directory(BASE.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
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
}
