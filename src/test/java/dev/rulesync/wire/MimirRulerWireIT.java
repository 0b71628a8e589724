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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Facts of Mimir's ruler configuration API that rule-sync relies on, checked against a real Mimir
 * (docs/wire-facts.md lists each fact with the test method that proves it).
 */
@RealPeers
class MimirRulerWireIT {

    private static final String RULES = "/prometheus/config/v1/rules";
    private static final String GROUP_G1 = """
            name: g1
            interval: 1m
            rules:
              - record: job:up:sum
                expr: sum by (job) (up)
            """;

    private final Peers peers;
    private final RulerHttp mimir;

    MimirRulerWireIT(Peers peers) {
        this.peers = peers;
        this.mimir = new RulerHttp(peers.mimirUrl());
    }

    @Test
    void emptyTenantListsAs200EmptyMap() {
        HttpResponse<String> list = mimir.get(newTenant("empty"), RULES);

        assertThat(list.statusCode()).as(describe(list)).isEqualTo(200);
        assertThat(list.body().strip()).isEqualTo("{}");
        assertThat(list.headers().firstValue("Content-Type")).hasValue("application/yaml");
    }

    @Test
    void requestWithoutTenantIs401NoOrgId() {
        HttpResponse<String> list = mimir.get(null, RULES);

        assertThat(list.statusCode()).as(describe(list)).isEqualTo(401);
        assertThat(list.body().strip()).isEqualTo("no org id");
    }

    @Test
    void setGroupIs202JsonAndGetReturnsIt() {
        String tenant = newTenant("set");
        HttpResponse<String> set = mimir.postYaml(tenant, RULES + "/ns1", GROUP_G1);

        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);
        assertThat(set.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(set.body()).contains("\"status\":\"success\"");

        HttpResponse<String> get = mimir.get(tenant, RULES + "/ns1/g1");
        assertThat(get.statusCode()).as(describe(get)).isEqualTo(200);
        assertThat(yaml(get).get("rules").get(0).get("expr").asString()).isEqualTo("sum by (job) (up)");
    }

    @Test
    void slashEncodedAsPercent2FIsKeptInNamespaceAndGroupNames() {
        String tenant = newTenant("slash");
        String group = GROUP_G1.replace("name: g1", "name: team-b/g1");

        HttpResponse<String> set = mimir.postYaml(tenant, RULES + "/team-a%2Fapp", group);
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        HttpResponse<String> get = mimir.get(tenant, RULES + "/team-a%2Fapp/team-b%2Fg1");
        assertThat(get.statusCode()).as(describe(get)).isEqualTo(200);
        assertThat(yaml(get).get("name").asString()).isEqualTo("team-b/g1");

        JsonNode all = yaml(mimir.get(tenant, RULES));
        assertThat(all.propertyNames()).containsExactly("team-a/app");

        HttpResponse<String> delete = mimir.delete(tenant, RULES + "/team-a%2Fapp/team-b%2Fg1");
        assertThat(delete.statusCode()).as(describe(delete)).isEqualTo(202);
        assertThat(mimir.get(tenant, RULES + "/team-a%2Fapp/team-b%2Fg1").statusCode()).isEqualTo(404);
    }

    @Test
    void percentSignIsDecodedOnce() {
        String tenant = newTenant("pct");
        HttpResponse<String> set = mimir.postYaml(tenant, RULES + "/a%25b", GROUP_G1);
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        assertThat(yaml(mimir.get(tenant, RULES)).propertyNames()).containsExactly("a%b");
    }

    @Test
    void missingGroupIs404GroupDoesNotExist() {
        String tenant = newTenant("missing");
        mimir.postYaml(tenant, RULES + "/ns1", GROUP_G1);

        HttpResponse<String> get = mimir.get(tenant, RULES + "/ns1/nope");
        assertThat(get.statusCode()).as(describe(get)).isEqualTo(404);
        assertThat(get.body().strip()).isEqualTo("group does not exist");
    }

    @Test
    void deletingMissingGroupAndNamespace() {
        String tenant = newTenant("delmissing");

        HttpResponse<String> group = mimir.delete(tenant, RULES + "/ns1/nope");
        HttpResponse<String> namespace = mimir.delete(tenant, RULES + "/nope");

        assertThat(group.statusCode()).as(describe(group)).isEqualTo(202);
        assertThat(namespace.statusCode()).as(describe(namespace)).isEqualTo(404);
        assertThat(namespace.body().strip()).isEqualTo("group namespace does not exist");
    }

    /** GET of one namespace: what {@code RulerTarget.list(tenant, namespace)} reads. */
    @Test
    void oneNamespaceListsAsAMapOfJustThatNamespace() {
        String tenant = newTenant("onens");
        mimir.postYaml(tenant, RULES + "/ns1", GROUP_G1);
        mimir.postYaml(tenant, RULES + "/ns12", GROUP_G1);

        HttpResponse<String> one = mimir.get(tenant, RULES + "/ns1");
        HttpResponse<String> missing = mimir.get(tenant, RULES + "/nope");
        HttpResponse<String> emptyTenant = mimir.get(newTenant("onens-empty"), RULES + "/ns1");

        assertThat(one.statusCode()).as(describe(one)).isEqualTo(200);
        assertThat(yaml(one).propertyNames()).containsExactly("ns1");
        assertThat(yaml(one).get("ns1").get(0).get("name").asString()).isEqualTo("g1");
        // as for the tenant listing: "nothing there" is 200 {}, so every 404 is an error
        assertThat(missing.statusCode()).as(describe(missing)).isEqualTo(200);
        assertThat(missing.body().strip()).isEqualTo("{}");
        assertThat(emptyTenant.statusCode()).as(describe(emptyTenant)).isEqualTo(200);
        assertThat(emptyTenant.body().strip()).isEqualTo("{}");
    }

    @Test
    void invalidPromQlIs400PlainText() {
        HttpResponse<String> set = mimir.postYaml(newTenant("bad"), RULES + "/ns1", """
                name: g1
                rules:
                  - record: job:up:sum
                    expr: sum by (job (up)
                """);

        assertThat(set.statusCode()).as(describe(set)).isEqualTo(400);
        assertThat(set.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(set.body()).contains("parse error");
    }

    @Test
    void legacyApiRoutesAreGone() {
        HttpResponse<String> legacy = mimir.get(newTenant("legacy"), "/api/v1/rules");

        assertThat(legacy.statusCode()).as(describe(legacy)).isEqualTo(404);
    }

    @Test
    void duplicateRuleNamesAreAcceptedAndASecondPostOverwrites() {
        String tenant = newTenant("dup");
        HttpResponse<String> first = mimir.postYaml(tenant, RULES + "/ns1", """
                name: g1
                rules:
                  - record: a:b
                    expr: up
                  - record: a:b
                    expr: up
                """);
        assertThat(first.statusCode()).as(describe(first)).isEqualTo(202);

        mimir.postYaml(tenant, RULES + "/ns1", GROUP_G1);
        JsonNode stored = yaml(mimir.get(tenant, RULES + "/ns1/g1"));
        assertThat(stored.get("rules")).hasSize(1);
    }

    /** What Mimir keeps of a group: a diff must compare only these fields, or drift never settles. */
    @Test
    void storedGroupFields() {
        String tenant = newTenant("fields");
        HttpResponse<String> set = mimir.postYaml(tenant, RULES + "/ns1", WireGroups.allFields("vector(1) > 0"));
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        JsonNode group = yaml(mimir.get(tenant, RULES + "/ns1/all-fields"));
        assertThat(group.propertyNames())
                .containsExactlyInAnyOrder("name", "interval", "query_offset", "limit", "labels", "rules");
        assertThat(group.get("interval").asString()).isEqualTo("30s");
        assertThat(group.get("limit").asInt()).isEqualTo(5);
        assertThat(group.get("labels").get("team").asString()).isEqualTo("a");
        assertThat(group.get("query_offset").asString()).isEqualTo("15s");
        JsonNode rule = group.get("rules").get(0);
        assertThat(rule.propertyNames())
                .containsExactlyInAnyOrder("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
        assertThat(rule.get("keep_firing_for").asString()).isEqualTo("2m");
    }

    @Test
    void writtenGroupIsLoadedByTheRulerWithinSeconds() {
        String tenant = newTenant("loaded");
        mimir.postYaml(tenant, RULES + "/ns1", GROUP_G1);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> loaded = mimir.get(tenant, "/prometheus/api/v1/rules");
            assertThat(loaded.statusCode()).as(describe(loaded)).isEqualTo(200);
            assertThat(loaded.body()).contains("\"name\":\"g1\"").contains("\"file\":\"ns1\"");
        });
    }

    /** The tenant with Mimir's shipped limits: 20 rules per group, and the +1 trap of the group count. */
    @Test
    void defaultLimitsRejectTooManyRulesAndTheFullTenantCannotUpdate() {
        String tenant = peers.mimirDefaultLimitsTenant();
        HttpResponse<String> tooBig =
                mimir.postYaml(tenant, RULES + "/limits", WireGroups.recordingRules("big", 21, "sum", "sum(up)"));
        assertThat(tooBig.statusCode()).as(describe(tooBig)).isEqualTo(400);
        assertThat(tooBig.body()).contains("per rule group").contains("20");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            statuses.add(mimir.postYaml(tenant, RULES + "/limits", GROUP_G1.replace("g1", "g" + i)).statusCode());
        }
        assertThat(statuses).containsOnly(202);

        HttpResponse<String> update = mimir.postYaml(tenant, RULES + "/limits", GROUP_G1.replace("g1", "g0"));
        assertThat(update.statusCode()).as(describe(update)).isEqualTo(400);
        assertThat(update.body()).contains("70");
    }

    /** The ruler reaches the Alertmanager of the same process: a firing alert shows up there. */
    @Test
    void firingAlertReachesMimirsAlertmanager() {
        String tenant = newTenant("am");
        HttpResponse<String> config = mimir.postYaml(tenant, "/api/v1/alerts", """
                alertmanager_config: |
                  route:
                    receiver: nobody
                  receivers:
                    - name: nobody
                """);
        assertThat(config.statusCode()).as(describe(config)).isEqualTo(201);
        HttpResponse<String> set = mimir.postYaml(tenant, RULES + "/ns1", """
                name: always
                interval: 1s
                rules:
                  - alert: AlwaysFiring
                    expr: vector(1) > 0
                """);
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> alerts = mimir.get(tenant, "/alertmanager/api/v2/alerts");
            assertThat(alerts.statusCode()).as(describe(alerts)).isEqualTo(200);
            assertThat(alerts.body()).contains("\"alertname\":\"AlwaysFiring\"");
        });
    }
}
