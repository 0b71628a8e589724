package dev.rulesync.wire;

import static dev.rulesync.wire.PrometheusRuleCrdWireIT.parse;
import static dev.rulesync.wire.PrometheusRuleCrdWireIT.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rulesync.testsupport.peers.Kube;
import dev.rulesync.testsupport.peers.RealKube;
import dev.rulesync.testsupport.peers.TestNamespace;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventSeries;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * events.k8s.io/v1 Events about a PrometheusRule: what the API server requires, and a series update, which is how
 * a repeated event is recorded (fabric8 has no event recorder; deduplication is rule-sync's to write).
 */
@RealKube
class EventWireIT {

    private static Event event(GenericKubernetesResource regarding, String name, Instant eventTime) {
        return new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(regarding.getMetadata().getNamespace()).endMetadata()
                .withRegarding(new ObjectReferenceBuilder().withApiVersion(regarding.getApiVersion())
                        .withKind(regarding.getKind()).withNamespace(regarding.getMetadata().getNamespace())
                        .withName(regarding.getMetadata().getName()).withUid(regarding.getMetadata().getUid())
                        .withResourceVersion(regarding.getMetadata().getResourceVersion()).build())
                .withEventTime(micro(eventTime))
                .withType("Warning")
                .withReason("InvalidRule")
                .withAction("Sync")
                .withNote("spec.groups[0].rules[0].expr: parse error at line 1, col 5")
                .withReportingController("rule-sync.dev/controller")
                .withReportingInstance("rule-sync-0")
                .build();
    }

    private static MicroTime micro(Instant instant) {
        return new MicroTime(instant.truncatedTo(ChronoUnit.MICROS).toString());
    }

    private static GenericKubernetesResource promRule(Kube kube, TestNamespace ns) {
        return rules(kube.admin()).resource(parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: broken}
                spec:
                  groups: [{name: g1, rules: [{record: a:b, expr: "sum("}]}]
                """, ns.name())).create();
    }

    @Test
    void anEventIsCreatedAndItsSeriesCountsRepeats(Kube kube, TestNamespace ns) {
        GenericKubernetesResource rule = promRule(kube, ns);
        Instant first = Instant.now();
        var events = kube.admin().events().v1().events().inNamespace(ns.name());

        Event created = events.resource(event(rule, "broken.invalid-rule", first)).create();
        assertThat(created.getSeries()).isNull();
        assertThat(created.getRegarding().getUid()).isEqualTo(rule.getMetadata().getUid());

        // The same event seen again: a series with a count and the last time, the first eventTime kept.
        Instant again = first.plusSeconds(30);
        Event repeat = events.withName("broken.invalid-rule").get();
        repeat.setSeries(new EventSeries(2, micro(again)));
        Event updated = events.resource(repeat).update();
        assertThat(updated.getSeries().getCount()).isEqualTo(2);
        assertThat(Instant.parse(updated.getSeries().getLastObservedTime().getTime()))
                .isEqualTo(again.truncatedTo(ChronoUnit.MICROS));
        assertThat(updated.getEventTime()).isEqualTo(created.getEventTime());

        // The core/v1 view of the same object shows the series too (kubectl get events reads it).
        var core = kube.admin().v1().events().inNamespace(ns.name()).withName("broken.invalid-rule").get();
        assertThat(core.getSeries().getCount()).isEqualTo(2);
        assertThat(core.getReason()).isEqualTo("InvalidRule");
    }

    @Test
    void anEventWithoutEventTimeOrReportingControllerIsRefused(Kube kube, TestNamespace ns) {
        GenericKubernetesResource rule = promRule(kube, ns);

        Event noTime = event(rule, "no-time", Instant.now());
        noTime.setEventTime(null);
        assertRefused(kube, ns, noTime, "eventTime: Required value");

        Event noController = event(rule, "no-controller", Instant.now());
        noController.setReportingController(null);
        assertRefused(kube, ns, noController, "reportingController: Required value");
    }

    @Test
    void aSeriesMustCountAtLeastTwo(Kube kube, TestNamespace ns) {
        Event single = event(promRule(kube, ns), "series-of-one", Instant.now());
        single.setSeries(new EventSeries(1, micro(Instant.now())));

        assertRefused(kube, ns, single, "series.count");
    }

    @Test
    void aNoteLongerThanOneKilobyteIsRefused(Kube kube, TestNamespace ns) {
        Event longNote = event(promRule(kube, ns), "long-note", Instant.now());
        longNote.setNote("x".repeat(1025));

        assertRefused(kube, ns, longNote, "note");
    }

    private static void assertRefused(Kube kube, TestNamespace ns, Event event, String message) {
        assertThatThrownBy(() -> kube.admin().events().v1().events().inNamespace(ns.name()).resource(event).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
