package dev.rulesync.cli;

import org.junit.jupiter.api.Test;

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
}
