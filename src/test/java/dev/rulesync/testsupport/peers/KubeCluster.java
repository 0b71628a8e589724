package dev.rulesync.testsupport.peers;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes API server of one JVM: etcd and kube-apiserver on free loopback ports, started through
 * scripts/kube-peer.sh (which also serves the demo, so both run the same flags), with the PrometheusRule CRD
 * installed. Data in target/kube/data (cleared at start), logs in target/kube/{etcd,kube-apiserver}.log.
 */
final class KubeCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final LocalPeers.OncePerJvm<KubeCluster> JVM = new LocalPeers.OncePerJvm<>("kube",
            () -> LocalPeers.retryingTakenPorts("kube", () -> start(LocalPeers.projectDir())));

    private final Path script;
    private final Path kubeDir;
    private final Path kubeconfig;
    private final URI serverUrl;
    private final Map<String, String> env;
    private final Map<String, Path> binaries;
    private final PeerProcess etcd;
    private final KubernetesClient admin;
    private final Kube kube;
    private PeerProcess apiServer;

    private KubeCluster(Path script, Path kubeDir, Path kubeconfig, URI serverUrl, Map<String, String> env,
            Map<String, Path> binaries, PeerProcess etcd, PeerProcess apiServer, KubernetesClient admin) {
        this.script = script;
        this.kubeDir = kubeDir;
        this.kubeconfig = kubeconfig;
        this.serverUrl = serverUrl;
        this.env = env;
        this.binaries = binaries;
        this.etcd = etcd;
        this.apiServer = apiServer;
        this.admin = admin;
        this.kube = new Kube(this);
    }

    static KubeCluster startForJvm() {
        return JVM.get();
    }

    static void stopForJvm() {
        JVM.stop();
    }

    static KubeCluster runningOrNull() {
        return JVM.runningOrNull();
    }

    Kube kube() {
        return kube;
    }

    KubernetesClient admin() {
        return admin;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    URI serverUrl() {
        return serverUrl;
    }

    Path caCertificate() {
        return kubeDir.resolve("pki/ca.crt");
    }

    Map<String, Path> binaries() {
        return binaries;
    }

    private static KubeCluster start(Path projectDir) {
        long began = System.nanoTime();
        Map<String, Path> binaries = PeerBinaries.provide(projectDir);
        Path script = projectDir.resolve("scripts/kube-peer.sh");
        Path runDir = projectDir.resolve("target/kube");
        // KUBE_DIR keeps the PKI from run to run (kube-peer.sh makes it only when missing); etcd starts empty.
        Path kubeDir = runDir.resolve("data");
        LocalPeers.deleteRecursively(kubeDir.resolve("etcd"));

        int[] ports = LocalPeers.freePorts(3);
        Map<String, String> env = new HashMap<>();
        env.put("KUBE_DIR", kubeDir.toString());
        env.put("ETCD", binaries.get("etcd").toString());
        env.put("KUBE_APISERVER", binaries.get("kube-apiserver").toString());
        env.put("ETCD_CLIENT_PORT", Integer.toString(ports[0]));
        env.put("ETCD_PEER_PORT", Integer.toString(ports[1]));
        env.put("KUBE_APISERVER_PORT", Integer.toString(ports[2]));
        URI serverUrl = URI.create("https://127.0.0.1:" + ports[2]);
        Path kubeconfig = runDir.resolve("kubeconfig");
        runScript(script, env, "pki");
        runScript(script, env, "kubeconfig", kubeconfig.toString());
        long programsAndPki = System.nanoTime();

        PeerProcess etcd = null;
        PeerProcess apiServer = null;
        KubernetesClient admin = null;
        try {
            // bash execs the program, so these processes are etcd and kube-apiserver themselves.
            etcd = PeerProcess.start("etcd", List.of("bash", script.toString(), "etcd"), env, kubeDir,
                    runDir.resolve("etcd.log"));
            etcd.awaitReady(URI.create("http://127.0.0.1:" + ports[0] + "/health"), START_TIMEOUT);
            long apiServerStarted = System.nanoTime();
            apiServer = PeerProcess.start("kube-apiserver", List.of("bash", script.toString(), "kube-apiserver"), env,
                    kubeDir, runDir.resolve("kube-apiserver.log"));
            admin = new KubernetesClientBuilder().withConfig(adminConfig(kubeconfig)).build();
            awaitReady(apiServer, admin);
            long apiServerReady = System.nanoTime();
            installCrd(admin, binaries.get("prometheusrule-crd"));
            System.err.printf("[kube] programs and PKI %.1f s, etcd %.1f s, kube-apiserver ready %.1f s after its"
                    + " start, CRD established %.1f s later%n", (programsAndPki - began) / 1e9,
                    (apiServerStarted - programsAndPki) / 1e9, (apiServerReady - apiServerStarted) / 1e9,
                    (System.nanoTime() - apiServerReady) / 1e9);
        } catch (RuntimeException e) {
            if (admin != null) {
                admin.close();
            }
            for (PeerProcess process : new PeerProcess[] {apiServer, etcd}) {
                if (process != null) {
                    process.close();
                }
            }
            throw e;
        }
        System.err.printf("[kube] kube-apiserver %s ready with the PrometheusRule CRD after %.1f s; kubeconfig %s,"
                + " logs in %s%n", serverUrl, (System.nanoTime() - began) / 1e9, kubeconfig, runDir);
        return new KubeCluster(script, kubeDir, kubeconfig, serverUrl, Map.copyOf(env), binaries, etcd, apiServer,
                admin);
    }

    private static Config adminConfig(Path kubeconfig) {
        Config config = Config.fromKubeconfig(kubeconfig.toFile());
        // Fail fast while the server starts or restarts; the waits that need patience poll with Awaitility.
        config.setRequestRetryBackoffLimit(0);
        return config;
    }

    /** /readyz covers etcd, the RBAC bootstrap roles and the CRD machinery; then the namespace "default" exists. */
    private static void awaitReady(PeerProcess apiServer, KubernetesClient admin) {
        apiServer.awaitReady("ready (/readyz, namespace default)", START_TIMEOUT, () -> {
            try {
                return "ok".equals(admin.raw("/readyz"))
                        && admin.namespaces().withName("default").get() != null;
            } catch (KubernetesClientException e) {
                return false;
            }
        });
    }

    private static void installCrd(KubernetesClient admin, Path crdFile) {
        CustomResourceDefinition crd = admin.apiextensions().v1().customResourceDefinitions()
                .load(crdFile.toFile()).item();
        admin.resource(crd).fieldManager("rule-sync-tests").forceConflicts().serverSideApply();
        admin.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
                        .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
                        START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A server certificate for 127.0.0.1 and localhost, signed by the cluster's CA (kept when it exists). */
    ServingCertificate servingCertificate(String name) {
        runScript(script, env, "serving-cert", name);
        return new ServingCertificate(kubeDir.resolve("pki/" + name + ".crt"), kubeDir.resolve("pki/" + name + ".key"),
                caCertificate());
    }

    synchronized void stopApiServer() {
        apiServer.close();
    }

    synchronized void startApiServer() {
        if (!apiServer.isAlive()) {
            apiServer = apiServer.restarted();
        }
        awaitReady(apiServer, admin);
    }

    synchronized void restartApiServer() {
        long began = System.nanoTime();
        apiServer = apiServer.restarted();
        awaitReady(apiServer, admin);
        System.err.printf("[kube] kube-apiserver restarted and ready in %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    void printLogTails(PrintStream out, int lines) {
        for (PeerProcess process : List.of(etcd, apiServer)) {
            out.printf("----- last %d lines of %s (%s, %s) -----%n%s%n", lines, process.name(), process.describe(),
                    process.isAlive() ? "running" : "EXITED", process.tail(lines));
        }
    }

    @Override
    public void close() {
        kube.closeClients();
        admin.close();
        apiServer.close();
        etcd.close();
    }

    private static void runScript(Path script, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        BoundedCommand.Result result = BoundedCommand.run(command, env, Duration.ofMinutes(2));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + result.output());
        }
    }
}
