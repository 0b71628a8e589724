package dev.rulesync.testsupport.peers;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The peer programs, as provided by {@code scripts/peers.sh}: it builds what is missing (minutes, printing
 * progress) and then prints one {@code name=path} line per program or file. Calling it on every run keeps the pinned
 * versions in the script alone; a warm run only checks that the files exist.
 */
final class PeerBinaries {

    static final List<String> PROGRAMS = List.of("mimir", "loki", "minio", "mimirtool", "lokitool",
            "etcd", "kube-apiserver", "kubectl", "helm", "controller-gen");
    /** Files that are not programs: the PrometheusRule CRD generated from prometheus-operator's API types. */
    static final List<String> FILES = List.of("prometheusrule-crd");

    /**
     * How long the script may take in all. Each go command in it has a time-out of its own
     * (RULESYNC_PEERS_BUILD_TIMEOUT); this one also covers waiting for another JVM's build to release the lock.
     * A fully cold build of everything took from about 20 minutes (idle) to well over an hour (crowded) on two
     * shared cores.
     */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(120);

    private PeerBinaries() {
    }

    static Map<String, Path> provide(Path projectDir) {
        String configured = System.getProperty("rulesync.peers.timeout");
        return provide(projectDir, configured == null ? DEFAULT_TIMEOUT : Duration.parse(configured));
    }

    static Map<String, Path> provide(Path projectDir, Duration timeout) {
        Path script = projectDir.resolve("scripts/peers.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("peer script not found: " + script
                    + " (set -Drulesync.basedir to the project directory)");
        }
        Process process;
        try {
            process = new ProcessBuilder("bash", script.toString())
                    .directory(projectDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        }
        // Both outputs are read while the script runs, so that waiting below is bounded by the time-out and not
        // by the script closing its output. Progress goes through System.err (not the forked JVM's raw stderr,
        // which the test runner owns), so that a cold build is visible in the test output line by line.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process), Thread::startVirtualThread);
        Thread progress = Thread.ofVirtual().start(() -> forwardProgress(process));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stopWithChildren(process);
                throw new IllegalStateException(script + " did not finish within " + timeout.toMinutes()
                        + " minutes (-Drulesync.peers.timeout=" + timeout + ") and was stopped with its builds:"
                        + " a go command hangs, or another run holds the build lock; its progress lines above"
                        + " show the last step");
            }
            progress.join(Duration.ofSeconds(5));
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed with exit code " + process.exitValue()
                        + (process.exitValue() == 3 ? " (a build timed out)" : "")
                        + "; its progress lines above say where");
            }
            return parse(out.get(10, TimeUnit.SECONDS), script);
        } catch (InterruptedException e) {
            stopWithChildren(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + script, e);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forwardProgress(Process process) {
        try (BufferedReader err = process.errorReader(StandardCharsets.UTF_8)) {
            err.lines().forEach(System.err::println);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[peers] progress output lost: " + e);
        }
    }

    /** The script's go builds run in process groups of their own: end every descendant, not only the shell. */
    private static void stopWithChildren(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static Map<String, Path> parse(String scriptOutput, Path script) {
        Map<String, Path> binaries = new LinkedHashMap<>();
        for (String line : scriptOutput.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                binaries.put(line.substring(0, eq).trim(), Path.of(line.substring(eq + 1).trim()));
            }
        }
        for (String name : PROGRAMS) {
            Path path = binaries.get(name);
            if (path == null || !Files.isExecutable(path)) {
                throw new IllegalStateException(script + " printed no executable for '" + name + "': " + path);
            }
        }
        for (String name : FILES) {
            Path path = binaries.get(name);
            if (path == null || !Files.isRegularFile(path)) {
                throw new IllegalStateException(script + " printed no file for '" + name + "': " + path);
            }
        }
        return binaries;
    }
}
