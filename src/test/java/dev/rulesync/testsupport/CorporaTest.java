package dev.rulesync.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CorporaTest {

    /** Loki's docs are judged by the LogQL oracle: it must be built from the very Loki the peers run. */
    @Test
    void theLogqlOracleAndTheLokiPeerPinTheSameLoki() {
        assertThat(Corpora.required(Path.of("tools/logql-oracle/go.mod"), Corpora.loki().path()))
                .isEqualTo(Corpora.loki().version());
    }

    @Test
    void everyCorpusIsInItsModule() {
        assertThat(Corpora.promqlTestScripts()).hasSizeGreaterThan(15).allMatch(Files::isRegularFile);
        assertThat(Corpora.promqlRuleFiles()).hasSizeGreaterThanOrEqualTo(11).allMatch(Files::isRegularFile);
        assertThat(Corpora.lokiQueryDocs()).hasSizeGreaterThan(5).allMatch(Files::isRegularFile);
        assertThat(Corpora.prometheusRuleCrd()).isRegularFile();
    }
}
