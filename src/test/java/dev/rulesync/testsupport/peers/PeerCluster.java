package dev.rulesync.testsupport.peers;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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

    private static PeerCluster running;
    private static RuntimeException startFailure;

    private final Peers peers;
    private final List<PeerProcess> processes;

    private PeerCluster(Peers peers, List<PeerProcess> processes) {
        this.peers = peers;
        this.processes = processes;
    }

    /** The JVM's peers, started on the first call; a failed start is remembered so later classes fail fast. */
    static synchronized PeerCluster startForJvm() {
        if (running != null) {
            return running;
        }
        if (startFailure != null) {
            throw new IllegalStateException("the peers failed to start earlier in this run", startFailure);
        }
        try {
            running = startRetryingTakenPorts(projectDir());
            Runtime.getRuntime().addShutdownHook(new Thread(PeerCluster::stopForJvm, "peers-shutdown"));
            return running;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    static synchronized void stopForJvm() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    static synchronized PeerCluster runningOrNull() {
        return running;
    }

    Peers peers() {
        return peers;
    }

    /** Prints the end of each peer's log: after a failed test, the reason is usually there. */
    void printLogTails(PrintStream out, int lines) {
        for (PeerProcess process : processes) {
            out.printf("----- last %d lines of %s (%s, %s) -----%n%s%n", lines, process.name(), process.log(),
                    process.isAlive() ? "running" : "EXITED", process.tail(lines));
        }
    }

    @Override
    public void close() {
        // Reverse start order: Loki stops before the MinIO it reads from.
        for (PeerProcess process : processes.reversed()) {
            process.close();
        }
    }

    private static Path projectDir() {
        return Path.of(System.getProperty("rulesync.basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /**
     * Free ports are only free when we look: another process (other test runs share this machine) may take one
     * before a peer binds it. Then a peer exits with "address already in use", and a second try with new ports helps.
     */
    private static PeerCluster startRetryingTakenPorts(Path projectDir) {
        try {
            return start(projectDir);
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().contains("address already in use")) {
                throw e;
            }
            System.err.println("[peers] a port was taken meanwhile; starting again on new ports");
            return start(projectDir);
        }
    }

    private static PeerCluster start(Path projectDir) {
        long began = System.nanoTime();
        Map<String, Path> binaries = PeerBinaries.provide(projectDir);
        Path configs = projectDir.resolve("src/test/resources/peers");
        Path runDir = projectDir.resolve("target/peers");
        Path data = runDir.resolve("data");
        deleteRecursively(data);

        int[] ports = freePorts(7);
        Map<String, String> env = new HashMap<>();
        env.put("PEERS_DATA", data.toString());
        env.put("PEERS_CONFIG", configs.toString());
        env.put("MINIO_PORT", Integer.toString(ports[0]));
        env.put("MINIO_ACCESS_KEY", MINIO_ACCESS_KEY);
        env.put("MINIO_SECRET_KEY", MINIO_SECRET_KEY);
        env.put("LOKI_HTTP_PORT", Integer.toString(ports[1]));
        env.put("LOKI_GRPC_PORT", Integer.toString(ports[2]));
        env.put("LOKI_RULER_BUCKET", LOKI_RULER_BUCKET);
        env.put("LOKI_RULER_POLL_INTERVAL", LOKI_POLL_INTERVAL.toSeconds() + "s");
        env.put("MIMIR_HTTP_PORT", Integer.toString(ports[3]));
        env.put("MIMIR_GRPC_PORT", Integer.toString(ports[4]));
        env.put("MIMIR_MEMBERLIST_PORT", Integer.toString(ports[5]));
        URI minioUrl = URI.create("http://127.0.0.1:" + ports[0]);
        URI lokiUrl = URI.create("http://127.0.0.1:" + ports[1]);
        URI mimirUrl = URI.create("http://127.0.0.1:" + ports[3]);

        List<PeerProcess> started = new ArrayList<>();
        try {
            // Mimir needs nothing else and is the slowest to become ready: start it first, wait for it last.
            PeerProcess mimir = PeerProcess.start("mimir", List.of(binaries.get("mimir").toString(),
                    "-config.file=" + configs.resolve("mimir.yaml"), "-config.expand-env=true",
                    "-target=all,alertmanager"), env, data.resolve("mimir"), runDir.resolve("mimir.log"));
            started.add(mimir);

            Map<String, String> minioEnv = new HashMap<>(env);
            minioEnv.put("MINIO_ROOT_USER", MINIO_ACCESS_KEY);
            minioEnv.put("MINIO_ROOT_PASSWORD", MINIO_SECRET_KEY);
            minioEnv.put("MINIO_BROWSER", "off");
            minioEnv.put("MINIO_UPDATE", "off");
            PeerProcess minio = PeerProcess.start("minio", List.of(binaries.get("minio").toString(), "server",
                    "--quiet", "--address", "127.0.0.1:" + ports[0], "--console-address", "127.0.0.1:" + ports[6],
                    data.resolve("minio").toString()), minioEnv, data, runDir.resolve("minio.log"));
            started.add(minio);
            minio.awaitReady(minioUrl.resolve("/minio/health/ready"), START_TIMEOUT);
            createBucket(minioUrl, LOKI_RULER_BUCKET);

            PeerProcess loki = PeerProcess.start("loki", List.of(binaries.get("loki").toString(),
                    "-config.file=" + configs.resolve("loki.yaml"), "-config.expand-env=true", "-target=all"),
                    env, data.resolve("loki"), runDir.resolve("loki.log"));
            started.add(loki);
            loki.awaitReady(lokiUrl.resolve("/ready"), START_TIMEOUT);
            mimir.awaitReady(mimirUrl.resolve("/ready"), START_TIMEOUT);
        } catch (RuntimeException e) {
            for (PeerProcess process : started.reversed()) {
                process.close();
            }
            throw e;
        }
        System.err.printf("[peers] Mimir %s, Loki %s, MinIO %s ready after %.1f s; logs in %s%n", mimirUrl, lokiUrl,
                minioUrl, (System.nanoTime() - began) / 1e9, runDir);
        Peers peers = new Peers(mimirUrl, lokiUrl, minioUrl, MINIO_ACCESS_KEY, MINIO_SECRET_KEY, LOKI_RULER_BUCKET,
                LOKI_POLL_INTERVAL, binaries, MIMIR_DEFAULT_LIMITS_TENANT);
        return new PeerCluster(peers, List.copyOf(started));
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

    /** Ports that were free a moment ago; all held open together so that no two are the same. */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used cannot matter
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
