package dev.rulesync.wire;

import static dev.rulesync.wire.RulerHttp.describe;
import static dev.rulesync.wire.RulerHttp.newTenant;
import static dev.rulesync.wire.RulerHttp.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rulesync.testsupport.peers.Peers;
import dev.rulesync.testsupport.peers.RealPeers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The objects Loki's ruler keeps in S3 (legacy ruler.storage client): their keys, their bytes, and whether Loki
 * loads an object that was written straight into the bucket (what the Loki-S3 target of issue 6 does).
 */
@RealPeers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LokiS3RuleObjectIT {

    private static final String RULES = LokiRulerWireIT.RULES;

    private final Peers peers;
    private final RulerHttp loki;
    private final RuleBucket bucket;

    LokiS3RuleObjectIT(Peers peers) {
        this.peers = peers;
        this.loki = new RulerHttp(peers.lokiUrl());
        this.bucket = new RuleBucket(peers);
    }

    @AfterAll
    void closeBucket() {
        bucket.close();
    }

    private static String b64(String segment) {
        return Base64.getUrlEncoder().encodeToString(segment.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    @Test
    void keyIsRulesTenantThenPaddedBase64UrlOfNamespaceAndGroup() {
        String tenant = newTenant("key");
        // "a?>" is 61 3f 3e: standard base64 "YT8+", URL-safe "YT8-"; "g1" needs one '=' of padding.
        String namespace = "ns-a?>";
        HttpResponse<String> set = loki.postYaml(tenant, RULES + "/ns-a%253F%253E",
                LokiRulerWireIT.GROUP_G1);
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        List<String> keys = bucket.keys("rules/" + tenant + "/");
        assertThat(keys).containsExactly("rules/" + tenant + "/" + b64(namespace) + "/" + b64("g1"));
        String[] parts = keys.getFirst().split("/");
        assertThat(parts).hasSize(4);
        assertThat(parts[2]).isEqualTo("bnMtYT8-").contains("-");
        assertThat(parts[3]).isEqualTo("ZzE=");
        assertThat(unb64(parts[2])).isEqualTo(namespace);
        assertThat(unb64(parts[3])).isEqualTo("g1");
    }

    @Test
    void bodyIsTheRawProtobufOfTheSpec() {
        String tenant = newTenant("body");
        HttpResponse<String> set = loki.postYaml(tenant, RULES + "/ns1", """
                name: g1
                interval: 1m
                rules:
                  - record: job:lines:rate1m
                    expr: sum by (job) (rate({job="app"}[1m]))
                  - alert: Lines
                    expr: sum(rate({job="app"}[1m])) > 0
                    for: 5m
                    labels:
                      team: b
                      severity: page
                    annotations:
                      summary: many lines
                """);
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        byte[] written = bucket.get("rules/" + tenant + "/bnMx/ZzE=");
        byte[] expected = LokiRuleObjectBytes.group(tenant, "ns1", "g1", Duration.ofMinutes(1), 0, List.of(
                LokiRuleObjectBytes.Rule.recording("job:lines:rate1m", "sum by (job) (rate({job=\"app\"}[1m]))"),
                new LokiRuleObjectBytes.Rule("sum(rate({job=\"app\"}[1m])) > 0", "", "Lines",
                        Duration.ofMinutes(5), Map.of("team", "b", "severity", "page"),
                        Map.of("summary", "many lines"))));
        assertThat(LokiRuleObjectBytes.hex(written)).isEqualTo(LokiRuleObjectBytes.hex(expected));
    }

    @Test
    void zeroIntervalAndLimitAreEncodedAsTheSpecSays() {
        String tenant = newTenant("zero");
        HttpResponse<String> set = loki.postYaml(tenant, RULES + "/ns1", """
                name: g1
                limit: 3
                rules:
                  - record: job:lines:rate1m
                    expr: sum by (job) (rate({job="app"}[1m]))
                """);
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        byte[] expected = LokiRuleObjectBytes.group(tenant, "ns1", "g1", Duration.ZERO, 3, List.of(
                LokiRuleObjectBytes.Rule.recording("job:lines:rate1m", "sum by (job) (rate({job=\"app\"}[1m]))")));
        assertThat(LokiRuleObjectBytes.hex(bucket.get("rules/" + tenant + "/bnMx/ZzE=")))
                .isEqualTo(LokiRuleObjectBytes.hex(expected));
    }

    /** The spec's hand-encoded vector, put into the bucket as raw bytes, reads back through Loki's API. */
    @Test
    void lokiDecodesTheSpecVector() {
        bucket.put("rules/tenant1/bnMx/ZzE=", HexFormat.of().parseHex(LokiRuleObjectBytes.SPEC_VECTOR_HEX));

        HttpResponse<String> get = loki.get("tenant1", RULES + "/ns1/g1");
        assertThat(get.statusCode()).as(describe(get)).isEqualTo(200);
        JsonNode group = yaml(get);
        assertThat(group.get("name").asString()).isEqualTo("g1");
        assertThat(group.get("interval").asString()).isEqualTo("1m");
        assertThat(group.get("rules").get(0).get("record").asString()).isEqualTo("job:up:sum");
        assertThat(group.get("rules").get(0).get("expr").asString()).isEqualTo("sum by (job) (up)");
    }

    /** Issue 6: a group written straight into S3 (no API call) is loaded by Loki's ruler at its next poll. */
    @Test
    void lokiLoadsAGroupWrittenStraightIntoTheBucket() {
        String tenant = newTenant("direct");
        byte[] body = LokiRuleObjectBytes.group(tenant, "ns1", "direct", Duration.ofMinutes(1), 0, List.of(
                LokiRuleObjectBytes.Rule.recording("job:lines:rate1m", "sum by (job) (rate({job=\"app\"}[1m]))")));
        bucket.put("rules/" + tenant + "/bnMx/" + b64("direct"), body);

        await().atMost(peers.lokiPollInterval().multipliedBy(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    HttpResponse<String> loaded = loki.get(tenant, "/prometheus/api/v1/rules");
                    assertThat(loaded.statusCode()).as(describe(loaded)).isEqualTo(200);
                    assertThat(loaded.body()).contains("\"name\":\"direct\"");
                });
    }

    /** A key of other than four segments is skipped: the ruler still loads everything else. */
    @Test
    void keyWithoutFourSegmentsIsIgnored() {
        String tenant = newTenant("ignored");
        String badKey = "rules/" + tenant + "/not-four-segments";
        bucket.put(badKey, "not a protobuf".getBytes(StandardCharsets.UTF_8));
        try {
            bucket.put("rules/" + tenant + "/bnMx/" + b64("fine"), directGroup(tenant, "fine"));

            awaitLoaded(tenant, "fine");
        } finally {
            bucket.delete(badKey);
        }
    }

    /**
     * One object whose body does not decode stops the ruler from loading ANY new group, for every tenant,
     * until it is gone: the reason the S3 target must never leave a bad object behind.
     */
    @Test
    void oneUndecodableObjectBlocksLoadingForEveryTenant() {
        String badTenant = newTenant("poison");
        String goodTenant = newTenant("victim");
        String badKey = "rules/" + badTenant + "/bnMx/" + b64("bad");
        bucket.put(badKey, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
        try {
            bucket.put("rules/" + goodTenant + "/bnMx/" + b64("blocked"), directGroup(goodTenant, "blocked"));

            await().during(peers.lokiPollInterval().multipliedBy(5))
                    .atMost(peers.lokiPollInterval().multipliedBy(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> !loki.get(goodTenant, "/prometheus/api/v1/rules").body().contains("\"blocked\""));
        } finally {
            bucket.delete(badKey);
        }
        awaitLoaded(goodTenant, "blocked");
    }

    private static byte[] directGroup(String tenant, String name) {
        return LokiRuleObjectBytes.group(tenant, "ns1", name, Duration.ofMinutes(1), 0, List.of(
                LokiRuleObjectBytes.Rule.recording("job:lines:rate1m", "sum by (job) (rate({job=\"app\"}[1m]))")));
    }

    private void awaitLoaded(String tenant, String group) {
        await().atMost(peers.lokiPollInterval().multipliedBy(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    HttpResponse<String> loaded = loki.get(tenant, "/prometheus/api/v1/rules");
                    assertThat(loaded.statusCode()).as(describe(loaded)).isEqualTo(200);
                    assertThat(loaded.body()).contains("\"name\":\"" + group + "\"");
                });
    }
}
