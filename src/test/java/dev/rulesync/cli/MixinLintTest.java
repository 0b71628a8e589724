package dev.rulesync.cli;

import dev.rulesync.testsupport.Corpora;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lint} on the real rule corpora the build reaches: Mimir's and Loki's compiled mixins, from the Go module
 * cache at the versions scripts/peers.sh pins ({@link Corpora}). The findings are exactly those listed and judged in docs/lint.md
 * (all true; a false positive is fixed in the check, never listed).
 */
class MixinLintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void mimirAndLokiMixinsHaveExactlyTheFindingsJudgedInDocs() throws Exception {
        Path mimir = Corpora.mimir().resolve("operations/mimir-mixin-compiled");
        Path loki = Corpora.loki().resolve("production/loki-mixin-compiled");
        List<String> found = new ArrayList<>();
        found.addAll(lint("mimir", mimir));
        found.addAll(lint("mimir-baremetal", Corpora.mimir().resolve("operations/mimir-mixin-compiled-baremetal")));
        found.addAll(lint("loki", loki));
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/lint/mixins-expected.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) expected.add(line.trim());
        }
        assertThat(found).containsExactlyElementsOf(expected);
        String doc = Files.readString(Path.of("docs/lint.md"));
        for (String e : expected) {
            String[] p = e.split(" ");
            assertThat(doc).as("docs/lint.md judges " + e).contains("| " + p[0] + " | " + p[1] + " | `" + p[2] + "` |");
        }
    }

    private static List<String> lint(String name, Path dir) {
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", "--tenant", "t", "--type", "metrics",
                dir.resolve("alerts.yaml").toString(), dir.resolve("rules.yaml").toString());
        List<String> out = new ArrayList<>();
        for (JsonNode p : JSON.readTree(r.out()).get("problems")) {
            out.add(name + "/" + Path.of(p.get("path").asString()).getFileName() + " " + p.get("line").asInt() + ":"
                    + p.get("column").asInt() + " " + p.get("check").asString());
        }
        return out;
    }
}
