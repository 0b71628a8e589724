package dev.rulesync.testsupport.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scripts/peers.sh's name=path lines. */
class PeerBinariesTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path file = Files.createFile(dir.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void readsOneExecutablePerProgram() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : PeerBinaries.NAMES) {
            out.append(name).append('=').append(executable(name)).append('\n');
        }

        Map<String, Path> binaries = PeerBinaries.parse(out.toString(), Path.of("peers.sh"));

        assertThat(binaries).containsOnlyKeys(PeerBinaries.NAMES);
        assertThat(binaries.get("lokitool")).isEqualTo(dir.resolve("lokitool"));
    }

    @Test
    void namesTheProgramThatIsMissing() throws IOException {
        String out = "mimir=" + executable("mimir") + "\nloki=" + executable("loki") + "\n";

        assertThatThrownBy(() -> PeerBinaries.parse(out, Path.of("peers.sh")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'minio'");
    }
}
