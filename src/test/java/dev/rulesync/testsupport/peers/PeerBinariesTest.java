package dev.rulesync.testsupport.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running scripts/peers.sh and reading its name=path lines. */
class PeerBinariesTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path file = Files.createFile(dir.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private String allLines() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : PeerBinaries.PROGRAMS) {
            out.append(name).append('=').append(executable(name)).append('\n');
        }
        for (String name : PeerBinaries.FILES) {
            out.append(name).append('=').append(Files.writeString(dir.resolve(name + ".yaml"), "kind: x")).append('\n');
        }
        return out.toString();
    }

    @Test
    void readsOneExecutablePerProgramAndTheFiles() throws IOException {
        Map<String, Path> binaries = PeerBinaries.parse(allLines(), Path.of("peers.sh"));

        assertThat(binaries).containsOnlyKeys(
                Stream.concat(PeerBinaries.PROGRAMS.stream(), PeerBinaries.FILES.stream()).toList());
        assertThat(binaries.get("lokitool")).isEqualTo(dir.resolve("lokitool"));
        assertThat(binaries.get("prometheusrule-crd")).isEqualTo(dir.resolve("prometheusrule-crd.yaml"));
    }

    @Test
    void namesTheProgramThatIsMissing() throws IOException {
        String out = "mimir=" + executable("mimir") + "\nloki=" + executable("loki") + "\n";

        assertThatThrownBy(() -> PeerBinaries.parse(out, Path.of("peers.sh")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'minio'");
    }

    @Test
    void namesTheFileThatIsMissing() throws IOException {
        String out = allLines().replaceAll("prometheusrule-crd=.*", "prometheusrule-crd=" + dir.resolve("absent"));

        assertThatThrownBy(() -> PeerBinaries.parse(out, Path.of("peers.sh")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'prometheusrule-crd'");
    }

    @Test
    void aHungScriptIsStoppedWithItsChildrenAtTheTimeOut() throws Exception {
        // Like a hung go build: the script keeps its output open and waits for a child that never ends.
        Path pidFile = dir.resolve("child.pid");
        writeScript("""
                echo "[peers] building" >&2
                sleep 300 &
                echo $! > '%s'
                wait
                """.formatted(pidFile));

        long began = System.nanoTime();
        assertThatThrownBy(() -> PeerBinaries.provide(dir, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not finish within")
                .hasMessageContaining("rulesync.peers.timeout");

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
        long child = Long.parseLong(Files.readString(pidFile).trim());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
    }

    @Test
    void aFailedScriptSaysThatABuildTimedOut() throws IOException {
        writeScript("echo '[peers] TIME-OUT: go build' >&2; exit 3\n");

        assertThatThrownBy(() -> PeerBinaries.provide(dir, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit code 3 (a build timed out)");
    }

    private void writeScript(String body) throws IOException {
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/peers.sh"), "#!/usr/bin/env bash\n" + body);
    }
}
