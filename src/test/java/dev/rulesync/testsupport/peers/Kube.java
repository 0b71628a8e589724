package dev.rulesync.testsupport.peers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real Kubernetes API server of this JVM (kube-apiserver and etcd on 127.0.0.1, RBAC on, the PrometheusRule CRD
 * installed) and what tests need around it: an admin client, namespaces, ServiceAccounts with exactly the RBAC a
 * test grants, restarts, certificates for local HTTPS servers, and the kubectl and helm programs.
 * Obtain it as a parameter in a {@link RealKube} class, or from {@link #current()}.
 *
 * <p>No controller manager runs: nothing garbage-collects owned objects, and a deleted namespace stays Terminating.
 * Use a fresh namespace per test ({@link TestNamespace} or {@link #newNamespace}) and never assume an empty cluster.
 */
public final class Kube {

    /** The field manager of every object this class applies. */
    public static final String FIELD_MANAGER = "rule-sync-tests";

    private final KubeCluster cluster;
    private final List<AutoCloseable> handedOut = new CopyOnWriteArrayList<>();

    Kube(KubeCluster cluster) {
        this.cluster = cluster;
    }

    /** The API server of this JVM, started on first use (also outside a {@link RealKube} class). */
    public static Kube current() {
        return KubeCluster.startForJvm().kube();
    }

    /** A client in group system:masters, shared by all tests: do not close it. */
    public KubernetesClient admin() {
        return cluster.admin();
    }

    /** A new admin client, e.g. for a test that wants its own informers or HTTP settings; the caller closes it. */
    public KubernetesClient newAdminClient() {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(cluster.kubeconfig().toFile())).build();
    }

    /** e.g. {@code https://127.0.0.1:41234}; its certificate is signed by {@link #caCertificate()}. */
    public URI serverUrl() {
        return cluster.serverUrl();
    }

    /** An admin kubeconfig file, for kubectl, helm or a child JVM ({@code KUBECONFIG=...}). */
    public Path kubeconfig() {
        return cluster.kubeconfig();
    }

    /** The PEM certificate of the cluster's CA (it signs the API server's certificate). */
    public Path caCertificate() {
        return cluster.caCertificate();
    }

    /** The PrometheusRule CRD the server runs, as generated from prometheus-operator's API types. */
    public Path prometheusRuleCrd() {
        return binary("prometheusrule-crd");
    }

    /**
     * A program built by scripts/peers.sh: "kubectl", "helm", "kube-apiserver", "etcd", "controller-gen".
     *
     * @throws IllegalArgumentException for a name it does not build
     */
    public Path binary(String name) {
        Path path = cluster.binaries().get(Objects.requireNonNull(name, "name"));
        if (path == null) {
            throw new IllegalArgumentException("no program named '" + name + "'; known: " + cluster.binaries().keySet());
        }
        return path;
    }

    /** A new namespace named after {@code hint} plus a random suffix, labelled as a test namespace. */
    public String newNamespace(String hint) {
        String base = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "test" : base.substring(0, Math.min(base.length(), 50)).replaceAll("-+$", "");
        String name = base + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        admin().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of("rule-sync.dev/test", "true")).endMetadata().build()).create();
        return name;
    }

    /**
     * A ServiceAccount in {@code namespace} (created if missing) that tests grant permissions to and act as.
     * It starts with no permissions at all beyond what every authenticated user has.
     */
    public KubeServiceAccount serviceAccount(String namespace, String name) {
        KubeServiceAccount account = KubeServiceAccount.create(this, namespace, name);
        handedOut.add(account);
        return account;
    }

    /** Applies manifests (one or many YAML documents, e.g. a rendered Helm chart) server-side, as admin. */
    public List<HasMetadata> apply(String yaml) {
        List<HasMetadata> items = admin().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
        return items.stream()
                .map(item -> admin().resource(item).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply())
                .toList();
    }

    /** A server certificate for 127.0.0.1/localhost signed by the cluster's CA, stored under {@code name}. */
    public ServingCertificate servingCertificate(String name) {
        return cluster.servingCertificate(name);
    }

    /**
     * Stops kube-apiserver and starts it again on the same port and etcd (watch resumption, reconnects); returns
     * once it is ready. Affects every test of the JVM, so use it in tests that own what they watch.
     */
    public void restartApiServer() {
        cluster.restartApiServer();
    }

    /** Stops kube-apiserver (etcd keeps the data) until {@link #startApiServer()}: outage drills. */
    public void stopApiServer() {
        cluster.stopApiServer();
    }

    /** Starts kube-apiserver again after {@link #stopApiServer()} and waits until it is ready. */
    public void startApiServer() {
        cluster.startApiServer();
    }

    /** A PolicyRule for one resource of one API group ("" for the core group). */
    public static PolicyRule rule(String apiGroup, String resource, String... verbs) {
        return new PolicyRuleBuilder().withApiGroups(apiGroup).withResources(resource).withVerbs(verbs).build();
    }

    void closeClients() {
        for (AutoCloseable closeable : handedOut) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("[kube] closing a client failed: " + e);
            }
        }
        handedOut.clear();
    }

    @Override
    public String toString() {
        return "Kube[" + serverUrl() + ", kubeconfig " + kubeconfig() + "]";
    }
}
