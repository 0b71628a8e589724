package dev.rulesync.apply.s3;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.http.FakeRuler;
import dev.rulesync.apply.http.RetryProperties;
import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.ExpressionAnalysis;
import dev.rulesync.validate.ExpressionLanguage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing Loki could not load ever reaches the bucket: every refusal happens before the first request. */
class LokiS3TargetTest {

    /** Stands in for the LogQL parser: rejects any expression containing "bad". */
    private static final ExpressionLanguage STRICT = new ExpressionLanguage() {
        public String name() {
            return "logql";
        }

        public ExpressionAnalysis analyze(String expr) {
            int at = expr.indexOf("bad");
            return at < 0 ? ExpressionAnalysis.valid("vector", expr, () -> expr, List::of)
                    : ExpressionAnalysis.invalid(List.of(new ExprProblem(1, at + 1, "unexpected IDENTIFIER")), null);
        }
    };

    private final FakeRuler fake = new FakeRuler().answer(200, "");
    private final LokiS3Target store = new LokiS3Target(new LokiTargetProperties.S3(fake.url(), "us-east-1",
            List.of("a", "b"), "", "AK", "SK", null, true, null, 2, null), Duration.ofSeconds(5), RetryProperties.DEFAULT, STRICT);

    @AfterEach
    void stop() {
        store.close();
        fake.close();
    }

    private void refused(String namespace, RuleGroup g, String message) {
        assertThatThrownBy(() -> store.setGroup("t", namespace, g)).isInstanceOfSatisfying(RulerException.class,
                e -> assertThat(e.permanent()).isTrue()).hasMessageContaining(message);
        assertThat(fake.seen).isEmpty();
    }

    @Test
    void invalidLogqlIsRefusedWithItsPlace() {
        refused("ns", RuleGroup.of("g", List.of(Rule.recording("r", "sum(rate({a=\"b\"} bad [5m]))"))),
                "rule 0 (r): 1:18: unexpected IDENTIFIER");
    }

    @Test
    void namesLokiCannotHoldAreRefused() {
        refused("team/a", RuleGroup.of("g", List.of()), "'/'");
        refused("ns", RuleGroup.of("bad \uD800", List.of()), "not valid Unicode");
    }

    @Test
    void badDurationsAndRuleShapesAreRefused() {
        refused("ns", new RuleGroup("g", "1 minute", null, null, null, null, List.of(), null), "1 minute");
        refused("ns", RuleGroup.of("g", List.of(new Rule(null, null, "1", null, null, null, null, null))), "exactly one");
    }

    @Test
    void aGoodGroupIsOnePutToTheFnvChosenBucket() {
        store.setGroup("t", "ns1", RuleGroup.of("g1", List.of(Rule.recording("r", "sum(count_over_time({a=\"b\"}[1m]))"))));
        assertThat(fake.seen).hasSize(1);
        String key = "rules/t/bnMx/ZzE=";
        String bucket = List.of("a", "b").get(RuleObjectKeys.bucketIndex(key, 2));
        assertThat(fake.seen.get(0).method()).isEqualTo("PUT");
        assertThat(fake.seen.get(0).rawPath()).isEqualTo("/" + bucket + "/" + key.replace("=", "%3D"));
    }
}
