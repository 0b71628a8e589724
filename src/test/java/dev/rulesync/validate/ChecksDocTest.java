package dev.rulesync.validate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/checks.md documents every check with its severity. */
class ChecksDocTest {

    @Test
    void everyCheckIsDocumentedWithItsSeverity() throws IOException {
        String doc = Files.readString(Path.of("docs/checks.md"));
        for (CheckInfo c : Checks.all()) {
            assertThat(doc).as(c.name()).contains("| `" + c.name() + "` | " + c.severity().label() + " |");
        }
    }
}
