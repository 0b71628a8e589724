package dev.rulesync.cli;

import dev.rulesync.classify.Classifier;
import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.engine.Linter;
import dev.rulesync.model.Problem;
import dev.rulesync.report.LintReport;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.validate.ExpressionLanguages;
import dev.rulesync.validate.ValidationOptions;
import dev.rulesync.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A 5 MB PrometheusRule, realistic rules mixed with hostile ones (a megabyte of nested parentheses, a megabyte-long
 * operator chain, a flat list of 50,000 matchers, half-megabyte label and annotation values), lints to the end with
 * the nesting problems at their places. The timeout is only a guard against a hang; the measured time and memory are
 * in docs/lint.md ({@code LargeObjectTest.write} makes the same file for a measurement).
 */
class LargeObjectTest {

    @Test
    void aFiveMegabyteObjectLintsToTheEnd(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("large.yaml"));
        assertThat(Files.size(file)).isBetween(5_000_000L, 6_000_000L);
        Linter linter = new Linter(new RuleFileLoader(), new Classifier(ClassifyOptions.DEFAULTS),
                new Validator(ValidationOptions.DEFAULTS, ExpressionLanguages.builtIn()));
        LintReport report = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> linter.lint(List.of(file)));
        assertThat(report.rules()).isEqualTo(GROUPS * 20 + 5);
        List<Problem> problems = report.problems();
        assertThat(problems).filteredOn(p -> p.message().endsWith("expression nests deeper than 128 levels"))
                .extracting(Problem::rule).containsExactlyInAnyOrder("deep_parentheses", "long_chain");
        assertThat(problems).as("only the hostile rules are wrong").allSatisfy(p ->
                assertThat(p.rule()).isIn("deep_parentheses", "long_chain"));
    }

    private static final int GROUPS = 300;

    /** Writes the 5 MB object. */
    static Path write(Path file) throws Exception {
        StringBuilder y = new StringBuilder(6_000_000);
        y.append("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: large
                  namespace: team-a
                  labels: {tenant: team-a, type: metrics}
                spec:
                  groups:
                """);
        for (int g = 0; g < GROUPS; g++) {
            y.append("  - name: group-").append(g).append("\n    interval: 1m\n    rules:\n");
            for (int r = 0; r < 20; r++) {
                if (r % 2 == 0) {
                    y.append("    - record: job_").append(r).append(":http_requests:rate5m\n")
                            .append("      expr: sum by (job, instance) (rate(http_requests_total{job=\"api-")
                            .append(g).append("\", code=~\"5..\"}[5m])) / ignoring(code) group_left ")
                            .append("sum by (job, instance) (rate(http_requests_total[5m]))\n")
                            .append("      labels: {team: a, tier: backend}\n");
                } else {
                    y.append("    - alert: HighErrorRate").append(r).append('\n')
                            .append("      expr: job_").append(r - 1).append(":http_requests:rate5m{job=\"api-").append(g)
                            .append("\"} > 0.05\n")
                            .append("      for: 10m\n      labels: {severity: page}\n")
                            .append("      annotations:\n        summary: \"{{ $labels.job }} on {{ $labels.instance }}")
                            .append(" fails {{ $value | humanizePercentage }} of requests\"\n");
                }
            }
        }
        y.append("  - name: hostile\n    rules:\n");
        y.append("    - record: deep_parentheses\n      expr: \"").append("(".repeat(500_000)).append("up")
                .append(")".repeat(500_000)).append("\"\n");
        y.append("    - record: long_chain\n      expr: \"up").append(" + up".repeat(200_000)).append("\"\n");
        StringBuilder matchers = new StringBuilder();
        for (int i = 0; i < 50_000; i++) matchers.append(i == 0 ? "" : ",").append("l").append(i).append("=\\\"v\\\"");
        y.append("    - record: many_matchers\n      expr: \"up{").append(matchers).append("}\"\n");
        y.append("    - record: long_label\n      expr: up\n      labels: {note: \"")
                .append("x".repeat(500_000)).append("\"}\n");
        y.append("    - alert: LongAnnotation\n      expr: up == 0\n      annotations: {summary: \"")
                .append("{{ $labels.job }} is down. ".repeat(20_000)).append("\"}\n");
        Files.writeString(file, y, StandardCharsets.UTF_8);
        return file;
    }

    /** {@code LargeObjectTest <file>}: writes the object, to measure {@code lint} on it from the command line. */
    public static void main(String[] args) throws Exception {
        System.out.println(write(Path.of(args[0])) + ": " + Files.size(Path.of(args[0])) + " bytes");
    }
}
