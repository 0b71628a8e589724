package dev.rulesync.apply.loki;

import dev.rulesync.apply.RulerException;
import dev.rulesync.model.RuleGroup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LokiApiTargetTest {

    private final LokiApiTarget loki = new LokiApiTarget(LokiTargetProperties.api(URI.create("http://loki:3100")));

    @Test
    void encodesEachSegmentTwiceBecauseLokiUnescapesTwice() {
        assertThat(loki.uri("a%b", "c d").getRawPath()).isEqualTo("/loki/api/v1/rules/a%2525b/c%2520d");
        assertThat(loki.uri("plain-name_1").getRawPath()).isEqualTo("/loki/api/v1/rules/plain-name_1");
    }

    @Test
    void slashCannotBeStored() {
        assertThat(loki.nameProblem("team-a/app", "g")).get().asString().contains("'/'");
        assertThat(loki.nameProblem("ns", "a/b")).isPresent();
        assertThat(loki.nameProblem("ns", "..")).isPresent();
        assertThat(loki.nameProblem("ns %", "g ü")).isEmpty();
        assertThatThrownBy(() -> loki.setGroup("t", "a/b", RuleGroup.of("g", List.of())))
                .isInstanceOfSatisfying(RulerException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("a/b");
    }

    /** A name Loki cannot store cannot exist there, so asking for it or deleting it needs no request. */
    @Test
    void unstorableNamesAreAbsentWithoutARequest() {
        // Nothing listens on port 1: any request would fail with a connection error.
        LokiApiTarget unreachable = new LokiApiTarget(LokiTargetProperties.api(URI.create("http://127.0.0.1:1")));
        assertThat(unreachable.get("t", "a/b", "g")).isEmpty();
        assertThat(unreachable.get("t", "ns", "..")).isEmpty();
        unreachable.deleteGroup("t", "ns", "a/b");
        unreachable.deleteNamespace("t", "a/b");
        assertThatThrownBy(() -> unreachable.get("t", "ns", "g")).isInstanceOf(RulerException.class);
    }

    @Test
    void secretsStayOutOfToString() {
        LokiTargetProperties.S3 s3 = new LokiTargetProperties.S3(null, null, List.of("b"), null, "AKID", "s3cr3t",
                null, true, null, 0, null);
        var auth = new dev.rulesync.apply.http.HttpAuthProperties("u", "pa55", null, null, null);
        var token = new dev.rulesync.apply.http.HttpAuthProperties(null, null, null, "t0ken", null);
        assertThat(s3.toString()).doesNotContain("s3cr3t").contains("AKID");
        assertThat(auth.toString()).doesNotContain("pa55");
        assertThat(token.toString()).doesNotContain("t0ken");
    }
}
