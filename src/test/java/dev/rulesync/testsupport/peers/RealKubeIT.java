package dev.rulesync.testsupport.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: one API server per JVM, a namespace per test, RBAC-limited ServiceAccounts, the tools. */
@RealKube
class RealKubeIT {

    private static Kube fromBeforeAll;
    private TestNamespace fromBeforeEach;

    @TempDir
    Path dir;

    @BeforeAll
    static void capture(Kube kube) {
        fromBeforeAll = kube;
    }

    @BeforeEach
    void capture(TestNamespace ns) {
        fromBeforeEach = ns;
    }

    @Test
    void everyInjectionPointSeesTheSameServerAndEachTestItsOwnNamespace(Kube kube, TestNamespace ns) {
        assertThat(kube).isSameAs(fromBeforeAll).isSameAs(Kube.current());
        assertThat(ns).isSameAs(fromBeforeEach);
        assertThat(ns.name()).startsWith("everyinjectionpointseesthesameserverandeachtestits");
        assertThat(kube.serverUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(kube.admin().namespaces().withName(ns.name()).get().getMetadata().getLabels())
                .containsEntry("rule-sync.dev/test", "true");
        assertThat(kube.admin().getKubernetesVersion().getGitVersion()).isEqualTo("v1.37.2");
    }

    @Test
    void aServiceAccountCanDoExactlyWhatWasGranted(Kube kube, TestNamespace ns) {
        KubeServiceAccount account = ns.serviceAccount("reader");
        var asAccount = account.client().genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule")
                .inNamespace(ns.name());
        assertThatThrownBy(asAccount::list)
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains(account.username());
                });

        account.grant(Kube.rule("monitoring.coreos.com", "prometheusrules", "list"));
        await().atMost(Duration.ofSeconds(10)).ignoreException(KubernetesClientException.class)
                .until(() -> asAccount.list().getItems().isEmpty());
        // Only in its own namespace, and only listing.
        assertThatThrownBy(() -> account.client().genericKubernetesResources("monitoring.coreos.com/v1",
                "PrometheusRule").inNamespace("default").list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));

        account.grant(); // take everything away again
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(asAccount::list)
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403)));

        account.grantClusterWide(Kube.rule("monitoring.coreos.com", "prometheusrules", "list"));
        await().atMost(Duration.ofSeconds(10)).ignoreException(KubernetesClientException.class)
                .until(() -> account.client().genericKubernetesResources("monitoring.coreos.com/v1",
                        "PrometheusRule").inAnyNamespace().list().getItems() != null);
    }

    @Test
    void rbacFromYamlAppliesAndTheAccountActsWithIt(Kube kube, TestNamespace ns) {
        kube.apply("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: chart-sa, namespace: %1$s}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: chart-role, namespace: %1$s}
                rules:
                  - apiGroups: [monitoring.coreos.com]
                    resources: [prometheusrules]
                    verbs: [list]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: chart-binding, namespace: %1$s}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: chart-role}
                subjects: [{kind: ServiceAccount, name: chart-sa, namespace: %1$s}]
                """.formatted(ns.name()));

        KubeServiceAccount account = ns.serviceAccount("chart-sa");

        await().atMost(Duration.ofSeconds(10)).ignoreException(KubernetesClientException.class)
                .until(() -> account.client().genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule")
                        .inNamespace(ns.name()).list().getItems().isEmpty());
        assertThatThrownBy(() -> account.client().serviceAccounts().inNamespace(ns.name()).list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    @Test
    void kubectlRunsAsAServiceAccountFromItsKubeconfig(Kube kube, TestNamespace ns) throws IOException {
        KubeServiceAccount account = ns.serviceAccount("cli");
        Path kubeconfig = account.writeKubeconfig(dir.resolve("sa.kubeconfig"));

        String whoami = run(kube.binary("kubectl").toString(), "--kubeconfig", kubeconfig.toString(),
                "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");

        assertThat(whoami).isEqualTo(account.username());
    }

    @Test
    void helmRendersAChartThatTheServerAcceptsInADryRun(Kube kube, TestNamespace ns) throws IOException {
        Path chart = Files.createDirectories(dir.resolve("chart/templates"));
        Files.writeString(dir.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: probe\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("sa.yaml"), """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: {{ .Release.Name }}
                  namespace: {{ .Release.Namespace }}
                """);

        String rendered = run(kube.binary("helm").toString(), "template", "probe", dir.resolve("chart").toString(),
                "--namespace", ns.name());
        Path manifests = Files.writeString(dir.resolve("rendered.yaml"), rendered);
        String applied = run(kube.binary("kubectl").toString(), "--kubeconfig", kube.kubeconfig().toString(),
                "apply", "--server-side", "--dry-run=server", "-f", manifests.toString());

        assertThat(applied).contains("serviceaccount/probe serverside-applied (server dry run)");
        assertThat(kube.admin().serviceAccounts().inNamespace(ns.name()).withName("probe").get()).isNull();
        assertThat(run(kube.binary("helm").toString(), "version", "--short")).startsWith("v4.");
    }

    @Test
    void knowsThePrograms(Kube kube) {
        for (String name : List.of("kubectl", "helm", "kube-apiserver", "etcd", "controller-gen")) {
            assertThat(Files.isExecutable(kube.binary(name))).as(name).isTrue();
        }
        assertThat(kube.prometheusRuleCrd()).isRegularFile();
        assertThatThrownBy(() -> kube.binary("kubelet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kubelet");
    }

    private static String run(String... command) {
        BoundedCommand.Result result = BoundedCommand.run(List.of(command), Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output().trim();
    }
}
