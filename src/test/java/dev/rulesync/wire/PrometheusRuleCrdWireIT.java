package dev.rulesync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rulesync.testsupport.peers.Kube;
import dev.rulesync.testsupport.peers.RealKube;
import dev.rulesync.testsupport.peers.TestNamespace;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The PrometheusRule CRD (generated from prometheus-operator's API types, see docs/peers.md) on a real API server:
 * which objects it stores, which it refuses and with what message, and how its status subresource behaves.
 * The facts are recorded in docs/wire-facts.md ("Kubernetes API server").
 */
@RealKube
class PrometheusRuleCrdWireIT {

    static final String API_VERSION = "monitoring.coreos.com/v1";
    static final String KIND = "PrometheusRule";

    static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            rules(KubernetesClient client) {
        return client.genericKubernetesResources(API_VERSION, KIND);
    }

    static GenericKubernetesResource parse(String yaml, String namespace) {
        GenericKubernetesResource rule = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        rule.getMetadata().setNamespace(namespace);
        return rule;
    }

    @Test
    void theCrdIsEstablishedWithAStatusSubresource(Kube kube) {
        var crd = kube.admin().apiextensions().v1().customResourceDefinitions()
                .withName("prometheusrules.monitoring.coreos.com").get();

        assertThat(crd.getSpec().getVersions()).singleElement().satisfies(version -> {
            assertThat(version.getName()).isEqualTo("v1");
            assertThat(version.getSubresources().getStatus()).isNotNull();
        });
        assertThat(crd.getStatus().getConditions())
                .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Established=True"));
    }

    @Test
    void acceptsEveryObjectOfTheSeedRules(Kube kube) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(System.getProperty("rulesync.basedir", ".")).resolve("rules"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();

        // The seed's tenants use the same object names in their own namespaces: one test namespace for each.
        Map<String, String> namespaces = new HashMap<>();
        int stored = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (HasMetadata item : kube.admin().load(in).items()) {
                    item.getMetadata().setNamespace(namespaces.computeIfAbsent(item.getMetadata().getNamespace(),
                            kube::newNamespace));
                    HasMetadata created = kube.admin().resource(item).create();
                    assertThat(created.getMetadata().getUid()).as(file.toString()).isNotBlank();
                    // Stored as sent: the schema knows every field the seed uses, so nothing is pruned.
                    assertThat(((GenericKubernetesResource) created).getAdditionalProperties().get("spec"))
                            .as(file.toString())
                            .isEqualTo(((GenericKubernetesResource) item).getAdditionalProperties().get("spec"));
                    stored++;
                }
            }
        }
        assertThat(stored).isEqualTo(files.size());
    }

    @Test
    void acceptsEveryGroupAndRuleFieldRuleSyncSyncs(Kube kube, TestNamespace ns) {
        GenericKubernetesResource rule = parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: all-fields
                  labels: {tenant: stage, type: metrics}
                spec:
                  groups:
                    - name: g1
                      interval: 30s
                      query_offset: 1m
                      limit: 10
                      labels: {team: a}
                      rules:
                        - record: job:up:sum
                          expr: sum by (job) (up)
                          labels: {level: job}
                        - alert: Down
                          expr: up == 0
                          for: 5m
                          keep_firing_for: 10m
                          labels: {severity: page}
                          annotations: {summary: "{{ $labels.job }} is down"}
                        - record: one
                          expr: 1
                """, ns.name());

        GenericKubernetesResource created = rules(kube.admin()).resource(rule).create();

        Map<String, Object> group = firstGroup(created);
        assertThat(group).containsKeys("name", "interval", "query_offset", "limit", "labels", "rules");
        List<?> stored = (List<?>) group.get("rules");
        assertThat(asMap(stored.get(1))).containsKeys("alert", "expr", "for", "keep_firing_for", "labels",
                "annotations");
        // expr is int-or-string: a bare number is kept as a number.
        assertThat(asMap(stored.get(2)).get("expr")).isEqualTo(1);
    }

    @Test
    void refusesARuleWithoutExprNamingTheFieldPath(Kube kube, TestNamespace ns) {
        assertRefused(kube, ns, """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: no-expr}
                spec:
                  groups:
                    - name: g1
                      rules:
                        - record: a:b
                """, "spec.groups[0].rules[0].expr: Required value");
    }

    @Test
    void refusesADurationThatIsNotAPrometheusDuration(Kube kube, TestNamespace ns) {
        assertRefused(kube, ns, """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: bad-for}
                spec:
                  groups:
                    - name: g1
                      rules:
                        - alert: A
                          expr: up == 0
                          for: 5 minutes
                """, "spec.groups[0].rules[0].for: Invalid value: \"5 minutes\"");
    }

    @Test
    void refusesGroupsThatAreNotAList(Kube kube, TestNamespace ns) {
        assertRefused(kube, ns, """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: bad-groups}
                spec:
                  groups: {name: g1}
                """, "spec.groups: Invalid value: \"object\": spec.groups in body must be of type array");
    }

    @Test
    void refusesAGroupWithoutAName(Kube kube, TestNamespace ns) {
        assertRefused(kube, ns, """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: no-name}
                spec:
                  groups:
                    - rules:
                        - record: a:b
                          expr: up
                """, "spec.groups[0].name: Required value");
    }

    @Test
    void refusesTwoGroupsOfTheSameName(Kube kube, TestNamespace ns) {
        assertRefused(kube, ns, """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: dup-groups}
                spec:
                  groups:
                    - name: g1
                      rules: [{record: a:b, expr: up}]
                    - name: g1
                      rules: [{record: c:d, expr: up}]
                """, "spec.groups[1]: Duplicate value");
    }

    @Test
    void dropsAnUnknownFieldInsteadOfRefusingIt(Kube kube, TestNamespace ns) {
        GenericKubernetesResource rule = parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: unknown-field}
                spec:
                  groups:
                    - name: g1
                      evaluation_delay: 1m
                      rules: [{record: a:b, expr: up, bogus: 1}]
                """, ns.name());

        GenericKubernetesResource created = rules(kube.admin()).resource(rule).create();

        Map<String, Object> group = firstGroup(created);
        assertThat(group).doesNotContainKey("evaluation_delay");
        assertThat(asMap(((List<?>) group.get("rules")).getFirst())).doesNotContainKey("bogus");

        // Asking for strict field validation turns the same object into a 400 naming both fields.
        rule.getMetadata().setName("unknown-field-strict");
        assertThatThrownBy(() -> rules(kube.admin()).resource(rule)
                .fieldValidation(FieldValidateable.Validation.STRICT).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("strict decoding error")
                            .contains("unknown field \"spec.groups[0].evaluation_delay\"")
                            .contains("unknown field \"spec.groups[0].rules[0].bogus\"");
                });
    }

    @Test
    void statusSentWithTheObjectIsIgnoredAndOnlyTheStatusSubresourceWritesIt(Kube kube, TestNamespace ns) {
        GenericKubernetesResource rule = parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: with-status}
                spec:
                  groups: [{name: g1, rules: [{record: a:b, expr: up}]}]
                status:
                  bindings: [{group: monitoring.coreos.com, resource: prometheuses, name: p, namespace: n}]
                """, ns.name());
        var resource = rules(kube.admin()).inNamespace(ns.name()).withName("with-status");

        GenericKubernetesResource created = rules(kube.admin()).resource(rule).create();
        assertThat(created.getAdditionalProperties()).doesNotContainKey("status");
        long generation = created.getMetadata().getGeneration();

        // Through /status: the status is written, a spec change in the same request is ignored, and the
        // generation (which counts spec changes) stays.
        GenericKubernetesResource withStatus = resource.get();
        withStatus.setAdditionalProperty("status", rule.getAdditionalProperties().get("status"));
        withStatus.setAdditionalProperty("spec", Map.of("groups", List.of(Map.of("name", "changed",
                "rules", List.of(Map.of("record", "x:y", "expr", "up"))))));
        GenericKubernetesResource updated = resource.updateStatus(withStatus);
        assertThat(updated.getAdditionalProperties()).containsKey("status");
        assertThat(firstGroup(updated).get("name")).isEqualTo("g1");
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(generation);

        // An annotation (how rule-sync reports its sync status) changes neither the generation nor the status.
        GenericKubernetesResource annotated = resource.edit(r -> {
            r.getMetadata().setAnnotations(Map.of("rule-sync.dev/status", "synced"));
            return r;
        });
        assertThat(annotated.getMetadata().getGeneration()).isEqualTo(generation);
        assertThat(annotated.getAdditionalProperties()).containsKey("status");

        // A spec change bumps the generation; status sent through the main resource is still ignored.
        GenericKubernetesResource respecced = resource.edit(r -> {
            r.setAdditionalProperty("spec", Map.of("groups", List.of(Map.of("name", "g2",
                    "rules", List.of(Map.of("record", "x:y", "expr", "up"))))));
            r.setAdditionalProperty("status", Map.of());
            return r;
        });
        assertThat(respecced.getMetadata().getGeneration()).isEqualTo(generation + 1);
        assertThat(respecced.getAdditionalProperties()).containsKey("status");
    }

    @Test
    void theStatusSubresourceIsItsOwnResourceForRbac(Kube kube, TestNamespace ns) {
        rules(kube.admin()).resource(parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: rbac}
                spec:
                  groups: [{name: g1, rules: [{record: a:b, expr: up}]}]
                """, ns.name())).create();
        var account = ns.serviceAccount("status-writer")
                .grant(Kube.rule("monitoring.coreos.com", "prometheusrules", "get", "update", "patch"));
        var asAccount = rules(account.client()).inNamespace(ns.name()).withName("rbac");

        GenericKubernetesResource current = asAccount.get();
        current.setAdditionalProperty("status", Map.of());
        assertThatThrownBy(() -> asAccount.updateStatus(current))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("prometheusrules/status");
                });
    }

    static Map<String, Object> firstGroup(GenericKubernetesResource rule) {
        return asMap(((List<?>) asMap(rule.getAdditionalProperties().get("spec")).get("groups")).getFirst());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object jsonObject) {
        return (Map<String, Object>) jsonObject;
    }

    private static void assertRefused(Kube kube, TestNamespace ns, String yaml, String message) {
        GenericKubernetesResource rule = parse(yaml, ns.name());
        assertThatThrownBy(() -> rules(kube.admin()).resource(rule).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains(message);
                });
        assertThat(rules(kube.admin()).inNamespace(ns.name()).list().getItems()).isEmpty();
    }
}
