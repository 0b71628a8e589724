package dev.rulesync.wire;

import static dev.rulesync.wire.RulerHttp.describe;
import static dev.rulesync.wire.RulerHttp.newTenant;
import static dev.rulesync.wire.RulerHttp.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rulesync.testsupport.peers.Peers;
import dev.rulesync.testsupport.peers.RealPeers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Facts of Loki's ruler API that rule-sync relies on, checked against a real Loki whose rules live in MinIO
 * (docs/wire-facts.md lists each fact with the test method that proves it).
 */
@RealPeers
class LokiRulerWireIT {

    static final String RULES = "/loki/api/v1/rules";
    static final String GROUP_G1 = """
            name: g1
            interval: 1m
            rules:
              - record: job:lines:rate1m
                expr: sum by (job) (rate({job="app"}[1m]))
            """;

    private final Peers peers;
    private final RulerHttp loki;

    LokiRulerWireIT(Peers peers) {
        this.peers = peers;
        this.loki = new RulerHttp(peers.lokiUrl());
    }

    @Test
    void emptyTenantListsAs404NoRuleGroupsFound() {
        HttpResponse<String> list = loki.get(newTenant("empty"), RULES);

        assertThat(list.statusCode()).as(describe(list)).isEqualTo(404);
        assertThat(list.body().strip()).isEqualTo("no rule groups found");
    }

    @Test
    void requestWithoutTenantIs401NoOrgId() {
        HttpResponse<String> list = loki.get(null, RULES);

        assertThat(list.statusCode()).as(describe(list)).isEqualTo(401);
        assertThat(list.body().strip()).isEqualTo("no org id");
    }

    @Test
    void setGroupIs202AndGetReturnsIt() {
        String tenant = newTenant("set");
        HttpResponse<String> set = loki.postYaml(tenant, RULES + "/ns1", GROUP_G1);

        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);
        assertThat(set.body()).contains("\"status\":\"success\"");
        HttpResponse<String> get = loki.get(tenant, RULES + "/ns1/g1");
        assertThat(get.statusCode()).as(describe(get)).isEqualTo(200);
        assertThat(yaml(get).get("rules").get(0).get("record").asString()).isEqualTo("job:lines:rate1m");
    }

    /**
     * Loki decodes the path before routing: %2F becomes a real '/', so the POST reaches no namespace route and is
     * refused. Which refusal differs between starts of the same binary (seen: 405 from the {namespace}/{group}
     * route, and a plain "404 page not found"), so what is checked is what matters: it is refused and nothing is
     * stored.
     */
    @Test
    void slashEncodedOnceIsRoutedAsNamespaceAndGroup() {
        String tenant = newTenant("slash");
        HttpResponse<String> set = loki.postYaml(tenant, RULES + "/team-a%2Fapp", GROUP_G1);

        assertThat(set.statusCode()).as(describe(set)).isIn(404, 405);
        assertThat(set.body()).doesNotContain("success");
        assertThat(loki.get(tenant, RULES).statusCode()).as("nothing was stored").isEqualTo(404);
    }

    /** Loki unescapes the namespace a second time, so %252F reaches the ruler as '/': a slash IS possible. */
    @Test
    void slashEncodedTwiceIsKeptInTheNamespace() {
        String tenant = newTenant("slash2");
        HttpResponse<String> set = loki.postYaml(tenant, RULES + "/team-a%252Fapp", GROUP_G1);
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        assertThat(yaml(loki.get(tenant, RULES)).propertyNames()).containsExactly("team-a/app");
        HttpResponse<String> get = loki.get(tenant, RULES + "/team-a%252Fapp/g1");
        assertThat(get.statusCode()).as(describe(get)).isEqualTo(200);
        await().atMost(peers.lokiPollInterval().multipliedBy(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(loki.get(tenant, "/prometheus/api/v1/rules").body())
                        .contains("\"file\":\"team-a/app\""));
    }

    @Test
    void percentSignMustBeDoubleEncoded() {
        String tenant = newTenant("pct");
        HttpResponse<String> set = loki.postYaml(tenant, RULES + "/a%2525b", GROUP_G1);
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        assertThat(yaml(loki.get(tenant, RULES)).propertyNames()).containsExactly("a%b");
        HttpResponse<String> get = loki.get(tenant, RULES + "/a%2525b/g1");
        assertThat(get.statusCode()).as(describe(get)).isEqualTo(200);
    }

    @Test
    void percentEscapeEncodedOnceIsDecodedTwice() {
        String tenant = newTenant("pct1");
        HttpResponse<String> valid = loki.postYaml(tenant, RULES + "/a%2541", GROUP_G1);
        HttpResponse<String> invalid = loki.postYaml(tenant, RULES + "/a%25zz", GROUP_G1);

        assertThat(valid.statusCode()).as(describe(valid)).isEqualTo(202);
        assertThat(yaml(loki.get(tenant, RULES)).propertyNames()).containsExactly("aA");
        assertThat(invalid.statusCode()).as(describe(invalid)).isEqualTo(500);
        assertThat(invalid.body()).contains("invalid URL escape \\\"%zz\\\"");
    }

    @Test
    void dotDotNamespaceIsRefusedWith500() {
        HttpResponse<String> set = loki.postYaml(newTenant("dotdot"), RULES + "/%252E%252E", GROUP_G1);

        assertThat(set.statusCode()).as(describe(set)).isEqualTo(500);
        assertThat(set.body()).contains("invalid namespace: path traversal not allowed");
    }

    @Test
    void invalidLogQlIs400WithRuleAndGroup() {
        HttpResponse<String> set = loki.postYaml(newTenant("bad"), RULES + "/ns1", """
                name: g1
                rules:
                  - record: job:lines:rate1m
                    expr: sum by (job) (up)
                """);

        assertThat(set.statusCode()).as(describe(set)).isEqualTo(400);
        assertThat(set.body())
                .startsWith("could not parse expression for record 'job:lines:rate1m' in group 'g1': ");
    }

    @Test
    void emptyRulesListIsAccepted() {
        String tenant = newTenant("norules");
        HttpResponse<String> set = loki.postYaml(tenant, RULES + "/ns1", "name: g1\nrules: []\n");

        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);
        assertThat(loki.get(tenant, RULES + "/ns1/g1").statusCode()).isEqualTo(200);
    }

    @Test
    void missingGroupAndNamespace() {
        String tenant = newTenant("missing");
        loki.postYaml(tenant, RULES + "/ns1", GROUP_G1);

        HttpResponse<String> get = loki.get(tenant, RULES + "/ns1/nope");
        HttpResponse<String> deleteGroup = loki.delete(tenant, RULES + "/ns1/nope");
        HttpResponse<String> deleteNamespace = loki.delete(tenant, RULES + "/nope");

        assertThat(get.statusCode()).as(describe(get)).isEqualTo(404);
        assertThat(get.body().strip())
                .isEqualTo("get rule group user=\"\", namespace=\"\", name=\"\": group does not exist");
        assertThat(deleteGroup.statusCode()).as(describe(deleteGroup)).isEqualTo(202);
        assertThat(deleteNamespace.statusCode()).as(describe(deleteNamespace)).isEqualTo(404);
        assertThat(deleteNamespace.body().strip()).isEqualTo("group namespace does not exist");
    }

    /** GET of one namespace: what {@code RulerTarget.list(tenant, namespace)} reads. */
    @Test
    void oneNamespaceListsAsAMapOfJustThatNamespace() {
        String tenant = newTenant("onens");
        loki.postYaml(tenant, RULES + "/ns1", GROUP_G1);
        loki.postYaml(tenant, RULES + "/ns12", GROUP_G1);

        HttpResponse<String> one = loki.get(tenant, RULES + "/ns1");
        HttpResponse<String> missing = loki.get(tenant, RULES + "/nope");
        HttpResponse<String> emptyTenant = loki.get(newTenant("onens-empty"), RULES + "/ns1");

        assertThat(one.statusCode()).as(describe(one)).isEqualTo(200);
        assertThat(yaml(one).propertyNames()).containsExactly("ns1");
        assertThat(yaml(one).get("ns1").get(0).get("name").asString()).isEqualTo("g1");
        assertThat(missing.statusCode()).as(describe(missing)).isEqualTo(404);
        assertThat(missing.body().strip()).isEqualTo("no rule groups found");
        assertThat(emptyTenant.statusCode()).as(describe(emptyTenant)).isEqualTo(404);
        assertThat(emptyTenant.body().strip()).isEqualTo("no rule groups found");
    }

    /** What Loki keeps of a group: a diff must compare only these fields, or drift never settles. */
    @Test
    void storedGroupFields() {
        String tenant = newTenant("fields");
        HttpResponse<String> set = loki.postYaml(tenant, RULES + "/ns1",
                WireGroups.allFields("sum(count_over_time({job=\"app\"}[1m])) > 0"));
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        JsonNode group = yaml(loki.get(tenant, RULES + "/ns1/all-fields"));
        assertThat(group.propertyNames()).containsExactlyInAnyOrder("name", "interval", "limit", "rules");
        assertThat(group.get("limit").asInt()).isEqualTo(5);
        JsonNode rule = group.get("rules").get(0);
        assertThat(rule.propertyNames()).containsExactlyInAnyOrder("alert", "expr", "for", "labels", "annotations");
    }

    @Test
    void writtenGroupIsLoadedAfterAPoll() {
        String tenant = newTenant("loaded");
        loki.postYaml(tenant, RULES + "/ns1", GROUP_G1);

        await().atMost(peers.lokiPollInterval().multipliedBy(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    HttpResponse<String> loaded = loki.get(tenant, "/prometheus/api/v1/rules");
                    assertThat(loaded.statusCode()).as(describe(loaded)).isEqualTo(200);
                    assertThat(loaded.body()).contains("\"name\":\"g1\"");
                });
    }

    /** Loki's ruler limits default to 0 = unlimited: more than Mimir's defaults (20 rules, 70 groups) pass. */
    @Test
    void defaultLimitsAreUnlimited() {
        String tenant = newTenant("limits");
        HttpResponse<String> bigGroup = loki.postYaml(tenant, RULES + "/ns1",
                WireGroups.recordingRules("big", 21, "rate", "sum(rate({job=\"app\"}[1m]))"));
        assertThat(bigGroup.statusCode()).as(describe(bigGroup)).isEqualTo(202);

        for (int i = 0; i < 70; i++) {
            HttpResponse<String> set = loki.postYaml(tenant, RULES + "/ns1", GROUP_G1.replace("g1", "g" + i));
            assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);
        }
        assertThat(yaml(loki.get(tenant, RULES + "/ns1")).get("ns1")).hasSize(71);
    }
}
