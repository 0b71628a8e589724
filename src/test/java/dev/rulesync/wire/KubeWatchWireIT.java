package dev.rulesync.wire;

import static dev.rulesync.wire.PrometheusRuleCrdWireIT.parse;
import static dev.rulesync.wire.PrometheusRuleCrdWireIT.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rulesync.testsupport.peers.Kube;
import dev.rulesync.testsupport.peers.RealKube;
import dev.rulesync.testsupport.peers.TestNamespace;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Watches and informers on PrometheusRules against the real API server, including a restart of the server. */
@RealKube
class KubeWatchWireIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static GenericKubernetesResource rule(String name, String namespace) {
        return parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: %s, labels: {tenant: stage, type: metrics}}
                spec:
                  groups: [{name: g1, rules: [{record: a:b, expr: up}]}]
                """.formatted(name), namespace);
    }

    @Test
    void aWatchDeliversAddModifyAndDeleteInOrder(Kube kube, TestNamespace ns) {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Watch ignored = rules(kube.admin()).inNamespace(ns.name()).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource) {
                seen.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
                seen.add("CLOSED " + cause);
            }
        })) {
            var created = rules(kube.admin()).resource(rule("r1", ns.name())).create();
            rules(kube.admin()).resource(created).edit(r -> {
                r.getMetadata().setLabels(Map.of("tenant", "prod", "type", "metrics"));
                return r;
            });
            rules(kube.admin()).resource(created).delete();

            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(seen).containsExactly("ADDED r1", "MODIFIED r1", "DELETED r1"));
        }
    }

    @Test
    void anInformerCarriesOnAcrossAnApiServerRestart(Kube kube, TestNamespace ns) {
        List<String> events = new CopyOnWriteArrayList<>();
        try (KubernetesClient client = kube.newAdminClient()) {
            SharedIndexInformer<GenericKubernetesResource> informer = rules(client).inNamespace(ns.name())
                    .inform(new ResourceEventHandler<>() {
                        @Override
                        public void onAdd(GenericKubernetesResource obj) {
                            events.add("add " + obj.getMetadata().getName());
                        }

                        @Override
                        public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                            if (!oldObj.getMetadata().getResourceVersion()
                                    .equals(newObj.getMetadata().getResourceVersion())) {
                                events.add("update " + newObj.getMetadata().getName());
                            }
                        }

                        @Override
                        public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
                            events.add("delete " + obj.getMetadata().getName());
                        }
                    });
            try {
                rules(kube.admin()).resource(rule("before", ns.name())).create();
                await().atMost(PATIENCE).until(() -> events.contains("add before"));

                kube.restartApiServer();
                rules(kube.admin()).resource(rule("after", ns.name())).create();
                rules(kube.admin()).inNamespace(ns.name()).withName("before").delete();

                await().atMost(PATIENCE).untilAsserted(() -> {
                    assertThat(events).containsExactly("add before", "add after", "delete before");
                    assertThat(informer.getStore().list()).extracting(r -> r.getMetadata().getName())
                            .containsExactly("after");
                });
                // It may have relisted to get there (its watch reconnects, then it re-watches): it ends up watching.
                await().atMost(PATIENCE).until(informer::isWatching);
            } finally {
                informer.close();
            }
        }
    }
}
