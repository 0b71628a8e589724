package dev.rulesync.testsupport.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/peers.sh itself, with a stand-in {@code go} first on PATH (a fake: a real go build cannot be made to hang
 * on purpose) and an empty cache, so that nothing real is built.
 */
class PeersScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("rulesync.basedir", System.getProperty("user.dir")))
            .resolve("scripts/peers.sh").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aHungGoBuildIsStoppedAtTheBuildTimeOutWithAMessage() throws IOException {
        // The first program built is MinIO, through "go install": the fake answers the module download and then
        // hangs in the install, as a build stuck on a lock or on the network would.
        Path module = Files.createDirectories(dir.resolve("module"));
        Files.writeString(module.resolve("go.mod"), "module github.com/minio/minio\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeGo = bin.resolve("go");
        Files.writeString(fakeGo, """
                #!/usr/bin/env bash
                case "$1 $2" in
                  "mod download") printf '{\\n\\t"Dir": "%s",\\n}\\n' ;;
                  *) exec sleep 300 ;;
                esac
                """.formatted(module));
        Files.setPosixFilePermissions(fakeGo, PosixFilePermissions.fromString("rwxr-xr-x"));

        long began = System.nanoTime();
        BoundedCommand.Result result = BoundedCommand.run(List.of("bash", SCRIPT.toString()), Map.of(
                "PATH", bin + ":" + System.getenv("PATH"),
                "RULESYNC_PEERS_CACHE", dir.resolve("cache").toString(),
                "RULESYNC_PEERS_BUILD_TIMEOUT", "2s"), Duration.ofSeconds(60));

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(40));
        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output())
                .contains("TIME-OUT: 'go install github.com/minio/minio@")
                .contains("did not finish within 2s (RULESYNC_PEERS_BUILD_TIMEOUT)");
        try (Stream<Path> cached = Files.list(dir.resolve("cache"))) {
            assertThat(cached.map(path -> path.getFileName().toString()))
                    .as("no half-built program is left in the cache").noneMatch(name -> name.startsWith("minio-"));
        }
    }

    @Test
    void printsEveryPinnedVersionWithoutBuilding() {
        BoundedCommand.Result result = BoundedCommand.run(List.of("bash", SCRIPT.toString(), "--versions"),
                Duration.ofSeconds(30));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("kube-apiserver=k8s.io/kubernetes@v1.")
                .contains("etcd=go.etcd.io/etcd/server/v3@v3.")
                .contains("helm=helm.sh/helm/v4@v4.")
                .contains("prometheusrule-crd=github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring@v0.");
    }
}
