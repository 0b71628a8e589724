package dev.rulesync.apply.http;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.loki.LokiApiTarget;
import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.apply.mimir.MimirRulerTarget;
import dev.rulesync.apply.mimir.MimirTargetProperties;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults a real ruler cannot be made to produce on demand, against {@link FakeRuler}. */
class RulerHttpFaultTest {

    private static final RetryProperties FAST_RETRY = new RetryProperties(3, Duration.ofMillis(10), Duration.ofMillis(50));
    private final FakeRuler fake = new FakeRuler();

    @AfterEach
    void stop() {
        fake.close();
    }

    private MimirRulerTarget mimir(URI url, HttpAuthProperties auth, Duration timeout) {
        return new MimirRulerTarget(new MimirTargetProperties(url, null, auth, null, timeout, FAST_RETRY, null));
    }

    private MimirRulerTarget mimir() {
        return mimir(fake.url(), null, Duration.ofSeconds(5));
    }

    @Test
    void a503IsRetriedAndTheLaterAnswerWins() {
        fake.answer(503, "ring not ready").answer(200, "{}\n");
        assertThat(mimir().list("t1")).isEmpty();
        assertThat(fake.seen).hasSize(2);
    }

    @Test
    void a429IsRetriedUntilAttemptsRunOutThenTransient() {
        fake.answer(429, "slow down");
        assertThatThrownBy(() -> mimir().list("t1")).isInstanceOfSatisfying(RulerException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.getMessage()).contains("slow down", "3 attempts");
        });
        assertThat(fake.seen).hasSize(3);
    }

    @Test
    void a400IsPermanentAtOnceAndCarriesTheRulersMessage() {
        fake.answer(400, "group 'g' has no rules, rule 0: invalid metric name\n");
        RuleGroup g = RuleGroup.of("g", List.of(Rule.recording("bad name", "1")));
        assertThatThrownBy(() -> mimir().setGroup("t1", "ns", g)).isInstanceOfSatisfying(RulerException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("POST /prometheus/config/v1/rules/ns", "invalid metric name");
        });
        assertThat(fake.seen).hasSize(1);
    }

    @Test
    void aSilentRulerTimesOutEveryAttempt() {
        fake.hang();
        MimirRulerTarget slow = mimir(fake.url(), null, Duration.ofMillis(300));
        assertThatThrownBy(() -> slow.list("t1")).isInstanceOfSatisfying(RulerException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("no answer within PT0.3S", "3 attempts");
        });
        assertThat(fake.seen).hasSize(3);
    }

    @Test
    void anEndlessAnswerIsCutAtTheReadLimitAndNotRetried() {
        fake.endless();
        // the timeout is far away: only the read limit can end this call in time
        MimirRulerTarget capped = new MimirRulerTarget(new MimirTargetProperties(fake.url(), null, null, null,
                Duration.ofMinutes(5), FAST_RETRY, DataSize.ofMegabytes(1)));
        assertThatThrownBy(() -> capped.list("t1")).isInstanceOfSatisfying(RulerException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("mimir GET /prometheus/config/v1/rules: the answer is larger than 1MB",
                    "rulesync.mimir.max-response-size");
        });
        assertThat(fake.seen).hasSize(1);
    }

    @Test
    void connectionRefusedIsTransient() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MimirRulerTarget nowhere = mimir(URI.create("http://127.0.0.1:" + port), null, Duration.ofSeconds(2));
        assertThatThrownBy(() -> nowhere.list("t1")).isInstanceOfSatisfying(RulerException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).containsIgnoringCase("refused");
        });
    }

    @Test
    void onlyTransientFailuresAreRetryable() {
        assertThat(RulerHttpClient.retryable(new TimeoutException())).isTrue();
        assertThat(RulerHttpClient.retryable(new RulerHttpClient.TransientStatus(new RulerHttpClient.Reply(502, "")))).isTrue();
        assertThat(RulerHttpClient.retryable(new IllegalStateException())).isFalse();
        assertThat(RulerHttpClient.transientStatus(500)).isTrue();
        assertThat(RulerHttpClient.transientStatus(429)).isTrue();
        assertThat(RulerHttpClient.transientStatus(404)).isFalse();
        assertThat(RulerHttpClient.transientStatus(403)).isFalse();
    }

    @Test
    void mimirSendsTenantYamlAndTheSlashEncodedOnce() {
        fake.answer(202, "{\"status\":\"success\"}");
        RuleGroup g = RuleGroup.of("g/1", List.of(Rule.recording("r", "sum(up)")));
        mimir().setGroup("tenant-1", "team-a/app", g);
        FakeRuler.Seen s = fake.seen.get(0);
        assertThat(s.method()).isEqualTo("POST");
        assertThat(s.rawPath()).isEqualTo("/prometheus/config/v1/rules/team-a%2Fapp");
        assertThat(s.headers().getFirst("X-Scope-OrgID")).isEqualTo("tenant-1");
        assertThat(s.headers().getFirst("Content-Type")).isEqualTo("application/yaml");
        assertThat(RulerYaml.readGroup(s.body())).isEqualTo(g);
    }

    @Test
    void mimirGetOfAMissingGroupIsEmptyAndDeleteOfOneIsFine() {
        fake.answer(404, "group does not exist");
        assertThat(mimir().get("t", "ns", "a/b")).isEmpty();
        mimir().deleteGroup("t", "ns", "a/b");
        assertThat(fake.seen.get(0).rawPath()).isEqualTo("/prometheus/config/v1/rules/ns/a%2Fb");
    }

    @Test
    void lokiSendsPercentDoubleEncoded() {
        fake.answer(202, "");
        LokiApiTarget loki = new LokiApiTarget(new LokiTargetProperties(LokiTargetProperties.Mode.API, fake.url(),
                null, null, null, Duration.ofSeconds(5), FAST_RETRY, null, null));
        loki.deleteGroup("t", "50%", "a b");
        assertThat(fake.seen.get(0).rawPath()).isEqualTo("/loki/api/v1/rules/50%2525/a%2520b");
    }

    @Test
    void lokiNoRuleGroupsFoundIsEmptyButAnyOther404IsAnError() {
        LokiApiTarget loki = new LokiApiTarget(new LokiTargetProperties(LokiTargetProperties.Mode.API, fake.url(),
                null, null, null, Duration.ofSeconds(5), FAST_RETRY, null, null));
        fake.answer(404, "no rule groups found\n").answer(404, "404 page not found\n");
        assertThat(loki.list("t")).isEmpty();
        assertThatThrownBy(() -> loki.list("t")).isInstanceOfSatisfying(RulerException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("404 page not found");
        });
    }

    @Test
    void aNamespaceListingTakesOnlyTheRulersOwnEmptyAnswerAsEmpty() {
        LokiApiTarget loki = new LokiApiTarget(new LokiTargetProperties(LokiTargetProperties.Mode.API, fake.url(),
                null, null, null, Duration.ofSeconds(5), FAST_RETRY, null, null));
        fake.answer(404, "no rule groups found\n").answer(404, "404 page not found\n")
                .answer(404, "no rule groups found\n").answer(200, "other:\n  - name: g\n    rules: []\n");
        assertThat(loki.list("t", "50%")).isEmpty();
        assertThat(fake.seen.get(0).rawPath()).isEqualTo("/loki/api/v1/rules/50%2525");
        assertThatThrownBy(() -> loki.list("t", "ns")).isInstanceOfSatisfying(RulerException.class,
                e -> assertThat(e.getMessage()).contains("404 page not found"));
        // Mimir answers 200 {} for an empty namespace: any 404 is an error, even one worded like Loki's
        assertThatThrownBy(() -> mimir().list("t", "ns")).isInstanceOf(RulerException.class);
        assertThatThrownBy(() -> mimir().list("t", "ns")).isInstanceOfSatisfying(RulerException.class,
                e -> assertThat(e.getMessage()).contains("asked for namespace \"ns\", got [other]"));
        assertThat(loki.list("t", "a/b")).as("a name Loki cannot hold is not asked for").isEmpty();
        assertThat(fake.seen).hasSize(4);
    }

    @Test
    void aListingOfMoreThanAMegabyteIsReadWhole() {
        StringBuilder yaml = new StringBuilder("big:\n");
        for (int g = 0; g < 2000; g++) {
            yaml.append("  - name: group-").append(g).append("\n    rules:\n");
            for (int r = 0; r < 10; r++) {
                yaml.append("      - record: job:rule_").append(r).append(":sum\n        expr: sum by (job) (up)\n");
            }
        }
        assertThat(yaml.length()).isGreaterThan(1024 * 1024); // four times WebClient's default limit
        fake.answer(200, yaml.toString());
        assertThat(mimir().list("t").get("big")).hasSize(2000);
    }

    @Test
    void basicAuthIsSent() {
        fake.answer(200, "{}");
        mimir(fake.url(), new HttpAuthProperties("user", "pa:ss", null, null, null), Duration.ofSeconds(5)).list("t");
        assertThat(fake.seen.get(0).headers().getFirst("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("user:pa:ss".getBytes()));
    }

    @Test
    void aRotatedBearerTokenFileIsReadAgain(@TempDir Path dir) throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, "first\n");
        Files.setLastModifiedTime(token, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        fake.answer(200, "{}");
        MimirRulerTarget m = mimir(fake.url(), new HttpAuthProperties(null, null, null, null, token), Duration.ofSeconds(5));
        m.list("t");
        Files.writeString(token, "second-token\n");
        Files.setLastModifiedTime(token, FileTime.from(Instant.parse("2026-01-01T00:01:00Z")));
        m.list("t");
        assertThat(fake.seen).extracting(s -> s.headers().getFirst("Authorization"))
                .containsExactly("Bearer first", "Bearer second-token");
    }
}
