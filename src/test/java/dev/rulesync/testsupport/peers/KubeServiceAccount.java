package dev.rulesync.testsupport.peers;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.List;

/**
 * A ServiceAccount of the test cluster and clients that authenticate as it, with a token from the TokenRequest API
 * (valid one hour), exactly as a pod's projected token would. It has only the permissions a test grants: so tests
 * can prove which RBAC a component needs, by granting a set of rules and then taking each one away.
 *
 * <p>{@link #grant} and {@link #grantClusterWide} server-side apply one Role (or ClusterRole) and binding per
 * account and scope, so a second call replaces the rules of the first. RBAC changes reach the authorizer within
 * moments, not instantly: await the effect rather than assuming it.
 */
public final class KubeServiceAccount implements AutoCloseable {

    private static final long TOKEN_SECONDS = 3600;

    private final Kube kube;
    private final String namespace;
    private final String name;
    private KubernetesClient client;

    private KubeServiceAccount(Kube kube, String namespace, String name) {
        this.kube = kube;
        this.namespace = namespace;
        this.name = name;
    }

    static KubeServiceAccount create(Kube kube, String namespace, String name) {
        kube.admin().serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build())
                .fieldManager(Kube.FIELD_MANAGER).forceConflicts().serverSideApply();
        return new KubeServiceAccount(kube, namespace, name);
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    /** The user name the API server sees: {@code system:serviceaccount:<namespace>:<name>}. */
    public String username() {
        return "system:serviceaccount:" + namespace + ":" + name;
    }

    /** Exactly these rules in the account's own namespace (a Role and RoleBinding named after the account). */
    public KubeServiceAccount grant(PolicyRule... rules) {
        return grantIn(namespace, rules);
    }

    /** Exactly these rules in {@code targetNamespace}, replacing what an earlier call granted there. */
    public KubeServiceAccount grantIn(String targetNamespace, PolicyRule... rules) {
        String roleName = namespace.equals(targetNamespace) ? name : namespace + "." + name;
        kube.admin().rbac().roles().inNamespace(targetNamespace).resource(new RoleBuilder()
                .withNewMetadata().withName(roleName).withNamespace(targetNamespace).endMetadata()
                .withRules(List.of(rules)).build())
                .fieldManager(Kube.FIELD_MANAGER).forceConflicts().serverSideApply();
        kube.admin().rbac().roleBindings().inNamespace(targetNamespace).resource(new RoleBindingBuilder()
                .withNewMetadata().withName(roleName).withNamespace(targetNamespace).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", roleName)
                .withSubjects(subject()).build())
                .fieldManager(Kube.FIELD_MANAGER).forceConflicts().serverSideApply();
        return this;
    }

    /** Exactly these rules in every namespace (and for cluster-scoped resources), replacing an earlier call's. */
    public KubeServiceAccount grantClusterWide(PolicyRule... rules) {
        String roleName = "rule-sync-test:" + namespace + ":" + name;
        kube.admin().rbac().clusterRoles().resource(new ClusterRoleBuilder()
                .withNewMetadata().withName(roleName).endMetadata().withRules(List.of(rules)).build())
                .fieldManager(Kube.FIELD_MANAGER).forceConflicts().serverSideApply();
        kube.admin().rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName(roleName).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", roleName)
                .withSubjects(subject()).build())
                .fieldManager(Kube.FIELD_MANAGER).forceConflicts().serverSideApply();
        return this;
    }

    private Subject subject() {
        return new SubjectBuilder().withKind("ServiceAccount").withName(name).withNamespace(namespace).build();
    }

    /** A new bound token for this account (TokenRequest API), valid one hour. */
    public String token() {
        return kube.admin().serviceAccounts().inNamespace(namespace).withName(name)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(TOKEN_SECONDS).endSpec()
                        .build())
                .getStatus().getToken();
    }

    /** A client that authenticates as this account (and nothing else: no client certificate, no kubeconfig). */
    public synchronized KubernetesClient client() {
        if (client == null) {
            client = new KubernetesClientBuilder().withConfig(config(token())).build();
        }
        return client;
    }

    /** Client settings for this account: server, CA and a fresh token; independent of ~/.kube and the environment. */
    public Config config() {
        return config(token());
    }

    private Config config(String token) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(kube.serverUrl().toString())
                .withCaCertFile(kube.caCertificate().toString())
                .withOauthToken(token)
                .withNamespace(namespace)
                .build();
    }

    /** Writes a kubeconfig that authenticates as this account (for a child JVM, kubectl or helm). */
    public Path writeKubeconfig(Path file) {
        return LocalPeers.writeFile(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: rule-sync-test
                  cluster:
                    server: %s
                    certificate-authority: %s
                users:
                - name: %s
                  user:
                    token: %s
                contexts:
                - name: %s
                  context:
                    cluster: rule-sync-test
                    user: %s
                    namespace: %s
                current-context: %s
                """.formatted(kube.serverUrl(), kube.caCertificate(), username(), token(), username(), username(),
                namespace, username()));
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public String toString() {
        return username();
    }
}
