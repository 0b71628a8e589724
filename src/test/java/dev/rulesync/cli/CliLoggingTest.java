package dev.rulesync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands' own logging: warnings from the clients must reach the user (on stderr), never be dropped, and never
 * mix into stdout, which carries the report scripts parse. The ruler here is a closed loopback port: a connection
 * refused is a fault no real peer is needed for.
 */
class CliLoggingTest {

    @Test
    void clientWarningsGoToStderrAndTheReportAloneToStdout(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: app
                  namespace: shop
                  labels: {tenant: stage, type: metrics}
                spec:
                  groups:
                    - name: g
                      rules:
                        - record: job:up:sum
                          expr: sum by (job) (up)
                """);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        MainRun r = MainRun.of("plan", "--mimir-url", "http://127.0.0.1:" + closedPort,
                "--rulesync.mimir.retry.min-backoff=1ms", "--rulesync.mimir.retry.max-backoff=2ms", dir.toString());
        int code = r.exit();
        String stdout = r.out();
        String stderr = r.err();
        assertThat(code).as("a tenant that cannot be listed is an error").isEqualTo(2);
        assertThat(stderr).contains("WARN RulerHttpClient").contains("retrying");
        assertThat(stdout).contains("mimir stage: FAILED").doesNotContain("WARN");
    }
}
