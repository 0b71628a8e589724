package dev.rulesync.wire;

import static dev.rulesync.wire.PrometheusRuleCrdWireIT.parse;
import static dev.rulesync.wire.PrometheusRuleCrdWireIT.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.rulesync.testsupport.peers.Kube;
import dev.rulesync.testsupport.peers.RealKube;
import dev.rulesync.testsupport.peers.ServingCertificate;
import dev.rulesync.testsupport.peers.TestNamespace;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReviewBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ValidatingWebhookConfiguration makes the real API server call a local HTTPS endpoint: what it sends, what it
 * needs back, and what it does when the endpoint is down. The webhook here is a stand-in written for this test;
 * the configuration is confined to the test's namespace so that other tests never meet it.
 */
@RealKube
class AdmissionWebhookWireIT {

    private static final String DENY_LABEL = "deny";
    private static final JsonMapper JSON = new JsonMapper();

    private final List<AdmissionRequest> requests = new CopyOnWriteArrayList<>();
    private HttpsServer server;
    private ValidatingWebhookConfiguration configuration;

    @BeforeEach
    void startWebhook(Kube kube) throws IOException {
        ServingCertificate certificate = kube.servingCertificate("webhook");
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
        server.createContext("/validate", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                AdmissionRequest request = Serialization.unmarshal(body, AdmissionReview.class).getRequest();
                requests.add(request);
                boolean deny = "true".equals(JSON.readTree(body).at("/request/object/metadata/labels/" + DENY_LABEL)
                        .asString(""));
                byte[] out = Serialization.asJson(answer(request, deny)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
            } catch (RuntimeException | IOException e) {
                // The HTTP server would only drop the connection; make the cause visible in the test output.
                e.printStackTrace();
                throw e;
            }
        });
        server.start();
    }

    @AfterEach
    void stopWebhook(Kube kube) {
        if (configuration != null) {
            kube.admin().admissionRegistration().v1().validatingWebhookConfigurations().resource(configuration).delete();
        }
        server.stop(0);
    }

    private static AdmissionReview answer(AdmissionRequest request, boolean deny) {
        return new AdmissionReviewBuilder().withApiVersion("admission.k8s.io/v1").withKind("AdmissionReview")
                .withResponse(new AdmissionResponseBuilder().withUid(request.getUid()).withAllowed(!deny)
                        .withStatus(deny ? new StatusBuilder().withCode(422)
                                .withMessage("rule-sync: spec.groups[0].rules[0].expr: parse error").build() : null)
                        .withWarnings(deny ? List.of() : List.of("rule-sync: a warning for the client"))
                        .build())
                .build();
    }

    private void register(Kube kube, TestNamespace ns, String url, String failurePolicy) {
        ServingCertificate certificate = kube.servingCertificate("webhook");
        configuration = kube.admin().admissionRegistration().v1().validatingWebhookConfigurations().resource(
                new ValidatingWebhookConfigurationBuilder()
                        .withNewMetadata().withName("rule-sync-test-" + ns.name()).endMetadata()
                        .addNewWebhook()
                        .withName("prometheusrules.rule-sync.dev")
                        .withNewClientConfig().withUrl(url).withCaBundle(certificate.caBundle()).endClientConfig()
                        .addNewRule().withApiGroups("monitoring.coreos.com").withApiVersions("v1")
                        .withResources("prometheusrules").withOperations("CREATE", "UPDATE").withScope("Namespaced")
                        .endRule()
                        .withNewNamespaceSelector()
                        .withMatchLabels(Map.of("kubernetes.io/metadata.name", ns.name()))
                        .endNamespaceSelector()
                        .withSideEffects("None")
                        .withAdmissionReviewVersions("v1")
                        .withFailurePolicy(failurePolicy)
                        .withTimeoutSeconds(5)
                        .endWebhook()
                        .build())
                .create();
    }

    private static GenericKubernetesResource rule(String name, String namespace, boolean deny) {
        return parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: %s, labels: {tenant: stage, type: metrics, %s: "%s"}}
                spec:
                  groups: [{name: g1, rules: [{record: a:b, expr: up}]}]
                """.formatted(name, DENY_LABEL, deny), namespace);
    }

    private String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/validate";
    }

    @Test
    void theApiServerAsksTheWebhookAndRefusesWhatItDenies(Kube kube, TestNamespace ns) {
        register(kube, ns, url(), "Fail");

        // Webhook configurations reach the API server's admission chain asynchronously: wait for the first call.
        await().atMost(Duration.ofSeconds(30)).ignoreException(KubernetesClientException.class).untilAsserted(() -> {
            rules(kube.admin()).resource(rule("probe-" + requests.size(), ns.name(), false)).dryRun().create();
            assertThat(requests).isNotEmpty();
        });
        AdmissionRequest probe = requests.getLast();
        assertThat(probe.getDryRun()).isTrue();
        assertThat(probe.getOperation()).isEqualTo("CREATE");
        assertThat(probe.getNamespace()).isEqualTo(ns.name());
        assertThat(probe.getResource().getResource()).isEqualTo("prometheusrules");
        assertThat(probe.getKind().getKind()).isEqualTo("PrometheusRule");
        assertThat(probe.getUserInfo().getUsername()).isEqualTo("rule-sync-admin");

        GenericKubernetesResource allowed = rules(kube.admin()).resource(rule("good", ns.name(), false)).create();
        assertThat(allowed.getMetadata().getUid()).isNotBlank();
        assertThat(requests.getLast().getDryRun()).isFalse();

        assertThatThrownBy(() -> rules(kube.admin()).resource(rule("bad", ns.name(), true)).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains(
                            "admission webhook \"prometheusrules.rule-sync.dev\" denied the request:"
                                    + " rule-sync: spec.groups[0].rules[0].expr: parse error");
                });
        assertThat(rules(kube.admin()).inNamespace(ns.name()).withName("bad").get()).isNull();

        // An UPDATE goes through the webhook as well, with the old object beside the new one.
        rules(kube.admin()).resource(allowed).edit(r -> {
            r.getMetadata().getLabels().put("tenant", "prod");
            return r;
        });
        AdmissionRequest update = requests.getLast();
        assertThat(update.getOperation()).isEqualTo("UPDATE");
        assertThat(update.getOldObject()).isNotNull();
    }

    @Test
    void anUnreachableWebhookBlocksWritesOnlyWhenItsFailurePolicyIsFail(Kube kube, TestNamespace ns) {
        server.stop(0);
        register(kube, ns, url(), "Fail");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThatThrownBy(() -> rules(kube.admin()).resource(rule("blocked", ns.name(), false)).create())
                        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                            assertThat(e.getCode()).isEqualTo(500);
                            assertThat(e.getMessage()).contains("failed calling webhook");
                        }));

        configuration.getWebhooks().getFirst().setFailurePolicy("Ignore");
        configuration = kube.admin().admissionRegistration().v1().validatingWebhookConfigurations()
                .resource(configuration).update();
        await().atMost(Duration.ofSeconds(30)).ignoreException(KubernetesClientException.class).untilAsserted(() ->
                assertThat(rules(kube.admin()).resource(rule("let-through", ns.name(), false)).create()
                        .getMetadata().getUid()).isNotBlank());
    }
}
