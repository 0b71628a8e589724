package dev.rulesync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes PrometheusRule files for the end-to-end tests. */
final class RuleFiles {

    private RuleFiles() {
    }

    /** A metrics object with two groups: a recording group and an alerting group whose alert uses {@code forValue}. */
    static Path metrics(Path dir, String tenant, String namespace, String name, String recordExpr, String forValue) {
        return write(dir.resolve(tenant).resolve(name + ".yaml"), """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: %s
                  namespace: %s
                  labels:
                    tenant: %s
                    type: metrics
                spec:
                  groups:
                    - name: recording
                      interval: 1m
                      rules:
                        - record: job:requests:rate5m
                          expr: %s
                        - record: job:errors:rate5m
                          expr: sum by (job) (rate(errors_total[5m]))
                    - name: alerts
                      rules:
                        - alert: ErrorsHigh
                          expr: job:errors:rate5m / job:requests:rate5m > 0.1
                          for: %s
                          labels:
                            severity: warning
                """.formatted(name, namespace, tenant, recordExpr, forValue));
    }

    /** A logs object with one recording group. */
    static Path logs(Path dir, String tenant, String namespace, String name) {
        return write(dir.resolve(tenant).resolve(name + ".yaml"), """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: %s
                  namespace: %s
                  labels:
                    tenant: %s
                    type: logs
                spec:
                  groups:
                    - name: log-recording
                      interval: 1m
                      rules:
                        - record: app:log_errors:rate5m
                          expr: sum by (app) (rate({namespace="%s"} |= "error" [5m]))
                """.formatted(name, namespace, tenant, namespace));
    }

    /**
     * A plain rule file (no labels: tenant and type come from the command) with one recording group, whose selector
     * names the group, so that two such files are not duplicates of each other (rule/duplicate).
     */
    static Path plain(Path file, String group) {
        return write(file, """
                groups:
                  - name: %1$s
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up{group="%1$s"})
                """.formatted(group));
    }

    /** A new git work tree (the real git), whose top is the root plain rule files are named below. */
    static Path gitRepository(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process git = new ProcessBuilder("git", "init", "-q", dir.toString()).inheritIO().start();
        if (git.waitFor() != 0) throw new IOException("git init " + dir + " exited " + git.exitValue());
        return dir;
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
