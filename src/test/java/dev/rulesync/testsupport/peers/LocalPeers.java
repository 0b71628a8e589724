package dev.rulesync.testsupport.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What every set of local peers needs: the project directory, free loopback ports, a clean data directory. */
final class LocalPeers {

    private LocalPeers() {
    }

    static Path projectDir() {
        return Path.of(System.getProperty("rulesync.basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /**
     * Free ports are only free when we look: another process (other test runs share this machine) may take one
     * before a peer binds it. Then a peer exits with "address already in use", and a second try with new ports helps.
     */
    static <T> T retryingTakenPorts(String what, Supplier<T> start) {
        try {
            return start.get();
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().contains("address already in use")) {
                throw e;
            }
            System.err.println("[" + what + "] a port was taken meanwhile; starting again on new ports");
            return start.get();
        }
    }

    /** Ports that were free a moment ago; all held open together so that no two are the same. */
    static int[] freePorts(int count) {
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

    static void deleteRecursively(Path dir) {
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

    static Path writeFile(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * One running instance per JVM, started on first use and stopped at the end of the test run (or, failing that,
     * by a shutdown hook). A failed start is remembered, so that later test classes fail fast with its cause.
     */
    static final class OncePerJvm<T extends AutoCloseable> {
        private final String what;
        private final Supplier<T> start;
        private T running;
        private RuntimeException startFailure;

        OncePerJvm(String what, Supplier<T> start) {
            this.what = what;
            this.start = start;
        }

        synchronized T get() {
            if (running != null) {
                return running;
            }
            if (startFailure != null) {
                throw new IllegalStateException(what + " failed to start earlier in this run", startFailure);
            }
            try {
                running = start.get();
                Runtime.getRuntime().addShutdownHook(new Thread(this::stop, what + "-shutdown"));
                return running;
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }

        synchronized T runningOrNull() {
            return running;
        }

        synchronized void stop() {
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    System.err.println("[" + what + "] stopping failed: " + e);
                }
                running = null;
            }
        }
    }
}
