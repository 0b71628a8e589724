package dev.rulesync.testsupport.peers;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The three peers of one JVM: MinIO, then Loki (whose rules live in MinIO) and Mimir, each on free loopback
 * ports, each from its config in src/test/resources/peers/ with the ports filled in through the environment.
 * Started once and stopped when the test run ends (or, failing that, when the JVM exits).
 */
final class PeerCluster implements AutoCloseable {

    static final String LOKI_RULER_BUCKET = "loki-ruler";
    static final Duration LOKI_POLL_INTERVAL = Duration.ofSeconds(1);
    static final String MINIO_ACCESS_KEY = "rulesync-peers";
    static final String MINIO_SECRET_KEY = "rulesync-peers-secret";
    static final String MIMIR_DEFAULT_LIMITS_TENANT = "defaults";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static final LocalPeers.OncePerJvm<PeerCluster> JVM =
            new LocalPeers.OncePerJvm<>("peers", () -> LocalPeers.retryingTakenPorts("peers",
                    () -> start(LocalPeers.projectDir())));

    private final Peers peers;
    private final List<PeerHandle> processes;

    private PeerCluster(Peers peers, List<PeerHandle> processes) {
        this.peers = peers;
        this.processes = processes;
    }

    /** The JVM's peers, started on the first call; a failed start is remembered so later classes fail fast. */
    static PeerCluster startForJvm() {
        return JVM.get();
    }

    static void stopForJvm() {
        JVM.stop();
    }

    static PeerCluster runningOrNull() {
        return JVM.runningOrNull();
    }

    Peers peers() {
        return peers;
    }

    /** Prints the end of each peer's log: after a failed test, the reason is usually there. */
    void printLogTails(PrintStream out, int lines) {
        for (PeerHandle process : processes) {
            out.printf("----- last %d lines of %s (%s, %s) -----%n%s%n", lines, process.name(), process.describe(),
                    process.isAlive() ? "running" : "EXITED", process.tail(lines));
        }
    }

    @Override
    public void close() {
        // Reverse start order: Loki stops before the MinIO it reads from.
        for (PeerHandle process : processes.reversed()) {
            process.close();
        }
    }

    private static PeerCluster start(Path projectDir) {
        long began = System.nanoTime();
        Map<String, Path> binaries = PeerBinaries.provide(projectDir);
        MinioMode minioMode = MinioMode.configured();
        Path configs = projectDir.resolve("src/test/resources/peers");
        Path runDir = projectDir.resolve("target/peers");
        Path data = runDir.resolve("data");
        LocalPeers.deleteRecursively(data);

        int[] ports = LocalPeers.freePorts(7);
        Map<String, String> env = new HashMap<>();
        env.put("PEERS_DATA", data.toString());
        env.put("PEERS_CONFIG", configs.toString());
        env.put("MINIO_ACCESS_KEY", MINIO_ACCESS_KEY);
        env.put("MINIO_SECRET_KEY", MINIO_SECRET_KEY);
        env.put("LOKI_HTTP_PORT", Integer.toString(ports[1]));
        env.put("LOKI_GRPC_PORT", Integer.toString(ports[2]));
        env.put("LOKI_RULER_BUCKET", LOKI_RULER_BUCKET);
        env.put("LOKI_RULER_POLL_INTERVAL", LOKI_POLL_INTERVAL.toSeconds() + "s");
        env.put("MIMIR_HTTP_PORT", Integer.toString(ports[3]));
        env.put("MIMIR_GRPC_PORT", Integer.toString(ports[4]));
        env.put("MIMIR_MEMBERLIST_PORT", Integer.toString(ports[5]));
        URI lokiUrl = URI.create("http://127.0.0.1:" + ports[1]);
        URI mimirUrl = URI.create("http://127.0.0.1:" + ports[3]);

        List<PeerHandle> started = new ArrayList<>();
        try {
            // Mimir needs nothing else and is the slowest to become ready: start it first, wait for it last.
            PeerProcess mimir = PeerProcess.start("mimir", List.of(binaries.get("mimir").toString(),
                    "-config.file=" + configs.resolve("mimir.yaml"), "-config.expand-env=true",
                    "-target=all,alertmanager"), env, data.resolve("mimir"), runDir.resolve("mimir.log"));
            started.add(mimir);

            URI minioUrl;
            if (minioMode == MinioMode.CONTAINER) {
                MinioContainerPeer minio = MinioContainerPeer.start(MinioMode.image(), MINIO_ACCESS_KEY,
                        MINIO_SECRET_KEY);
                started.add(minio);
                minioUrl = minio.url();
            } else {
                minioUrl = URI.create("http://127.0.0.1:" + ports[0]);
                started.add(startMinioProcess(binaries.get("minio"), ports[0], ports[6], env, data, runDir));
            }
            env.put("MINIO_HOST", minioUrl.getHost());
            env.put("MINIO_PORT", Integer.toString(minioUrl.getPort()));
            createBucket(minioUrl, LOKI_RULER_BUCKET);

            PeerProcess loki = PeerProcess.start("loki", List.of(binaries.get("loki").toString(),
                    "-config.file=" + configs.resolve("loki.yaml"), "-config.expand-env=true", "-target=all"),
                    env, data.resolve("loki"), runDir.resolve("loki.log"));
            started.add(loki);
            loki.awaitReady(lokiUrl.resolve("/ready"), START_TIMEOUT);
            mimir.awaitReady(mimirUrl.resolve("/ready"), START_TIMEOUT);
            String minioHow = minioMode == MinioMode.CONTAINER ? "in a container (" + MinioMode.image() + ")"
                    : "as a local process";
            System.err.printf("[peers] Mimir %s, Loki %s, MinIO %s %s ready after %.1f s; logs in %s%n", mimirUrl,
                    lokiUrl, minioUrl, minioHow, (System.nanoTime() - began) / 1e9, runDir);
            Peers peers = new Peers(mimirUrl, lokiUrl, minioUrl, MINIO_ACCESS_KEY, MINIO_SECRET_KEY,
                    LOKI_RULER_BUCKET, LOKI_POLL_INTERVAL, binaries, MIMIR_DEFAULT_LIMITS_TENANT, minioMode);
            return new PeerCluster(peers, List.copyOf(started));
        } catch (RuntimeException e) {
            for (PeerHandle process : started.reversed()) {
                process.close();
            }
            throw e;
        }
    }

    private static PeerProcess startMinioProcess(Path binary, int port, int consolePort, Map<String, String> env,
            Path data, Path runDir) {
        Map<String, String> minioEnv = new HashMap<>(env);
        minioEnv.put("MINIO_ROOT_USER", MINIO_ACCESS_KEY);
        minioEnv.put("MINIO_ROOT_PASSWORD", MINIO_SECRET_KEY);
        minioEnv.put("MINIO_BROWSER", "off");
        minioEnv.put("MINIO_UPDATE", "off");
        PeerProcess minio = PeerProcess.start("minio", List.of(binary.toString(), "server", "--quiet",
                "--address", "127.0.0.1:" + port, "--console-address", "127.0.0.1:" + consolePort,
                data.resolve("minio").toString()), minioEnv, data, runDir.resolve("minio.log"));
        minio.awaitReady(URI.create("http://127.0.0.1:" + port + "/minio/health/ready"), START_TIMEOUT);
        return minio;
    }

    private static void createBucket(URI endpoint, String bucket) {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MINIO_ACCESS_KEY, MINIO_SECRET_KEY)))
                .build()) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // a leftover data directory: fine
        }
    }
}
