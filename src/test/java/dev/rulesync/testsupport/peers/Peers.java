package dev.rulesync.testsupport.peers;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the running peers are and how to reach them: the API that tests and other test helpers code against.
 * Obtain it by declaring a parameter of this type in a {@link RealPeers} class, or from {@link #current()}.
 */
public final class Peers {

    private final URI mimirUrl;
    private final URI lokiUrl;
    private final URI minioUrl;
    private final String minioAccessKey;
    private final String minioSecretKey;
    private final String lokiRulerBucket;
    private final Duration lokiPollInterval;
    private final Map<String, Path> binaries;
    private final String mimirDefaultLimitsTenant;
    private final MinioMode minioMode;

    Peers(URI mimirUrl, URI lokiUrl, URI minioUrl, String minioAccessKey, String minioSecretKey,
            String lokiRulerBucket, Duration lokiPollInterval, Map<String, Path> binaries,
            String mimirDefaultLimitsTenant, MinioMode minioMode) {
        this.mimirUrl = mimirUrl;
        this.lokiUrl = lokiUrl;
        this.minioUrl = minioUrl;
        this.minioAccessKey = minioAccessKey;
        this.minioSecretKey = minioSecretKey;
        this.lokiRulerBucket = lokiRulerBucket;
        this.lokiPollInterval = lokiPollInterval;
        this.binaries = Map.copyOf(binaries);
        this.mimirDefaultLimitsTenant = mimirDefaultLimitsTenant;
        this.minioMode = minioMode;
    }

    /**
     * The peers of this JVM, started on first use (also outside a {@link RealPeers} class, e.g. from a
     * JMH benchmark or a Spring test context). They stop when the JVM exits.
     */
    public static Peers current() {
        return PeerCluster.startForJvm().peers();
    }

    /** Mimir's HTTP root, e.g. {@code http://127.0.0.1:41234}; the ruler API lives under /prometheus/config/v1/rules. */
    public URI mimirUrl() {
        return mimirUrl;
    }

    /** Loki's HTTP root; the ruler API lives under /loki/api/v1/rules. */
    public URI lokiUrl() {
        return lokiUrl;
    }

    /** MinIO's S3 endpoint (path-style addressing, region us-east-1). */
    public URI minioUrl() {
        return minioUrl;
    }

    public String minioAccessKey() {
        return minioAccessKey;
    }

    public String minioSecretKey() {
        return minioSecretKey;
    }

    /** The bucket in which Loki's ruler keeps its rule objects (legacy ruler.storage S3 client). */
    public String lokiRulerBucket() {
        return lokiRulerBucket;
    }

    /** How often Loki's ruler lists the bucket; an API or S3 write is loaded at most about this long after. */
    public Duration lokiPollInterval() {
        return lokiPollInterval;
    }

    /** Whether MinIO runs as the local program or in a container (-Drulesync.peers.minio, see docs/peers.md). */
    public boolean minioInContainer() {
        return minioMode == MinioMode.CONTAINER;
    }

    /**
     * A program built by scripts/peers.sh: "mimir", "loki", "minio", "mimirtool", "lokitool", and the Kubernetes
     * ones (also on {@link Kube}): "kube-apiserver", "etcd", "kubectl", "helm", "controller-gen".
     *
     * @throws IllegalArgumentException for any other name
     */
    public Path binary(String name) {
        Path path = binaries.get(Objects.requireNonNull(name, "name"));
        if (path == null) {
            throw new IllegalArgumentException("no peer binary named '" + name + "'; known: " + binaries.keySet());
        }
        return path;
    }

    /**
     * A Mimir tenant that keeps Mimir's shipped ruler limits (70 groups per tenant, 20 rules per group);
     * every other tenant has limits high enough for large tests.
     */
    public String mimirDefaultLimitsTenant() {
        return mimirDefaultLimitsTenant;
    }

    @Override
    public String toString() {
        return "Peers[mimir=" + mimirUrl + ", loki=" + lokiUrl + ", minio=" + minioUrl + " (" + minioMode + ")]";
    }
}
