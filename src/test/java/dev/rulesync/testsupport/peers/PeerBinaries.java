package dev.rulesync.testsupport.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer programs, as provided by {@code scripts/peers.sh}: it builds what is missing (minutes, printing
 * progress) and then prints one {@code name=path} line per program. Calling it on every run keeps the pinned
 * versions in the script alone; a warm run only checks that five files exist.
 */
final class PeerBinaries {

    static final List<String> NAMES = List.of("mimir", "loki", "minio", "mimirtool", "lokitool");

    private PeerBinaries() {
    }

    static Map<String, Path> provide(Path projectDir) {
        Path script = projectDir.resolve("scripts/peers.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("peer script not found: " + script
                    + " (set -Drulesync.basedir to the project directory)");
        }
        try {
            Process process = new ProcessBuilder("bash", script.toString())
                    .directory(projectDir.toFile())
                    .start();
            process.getOutputStream().close();
            // Build progress goes through System.err (not the forked JVM's raw stderr, which the test runner
            // owns), so that a cold build is visible in the test output line by line.
            Thread progress = Thread.ofVirtual().start(() -> {
                try (BufferedReader err = process.errorReader(StandardCharsets.UTF_8)) {
                    err.lines().forEach(System.err::println);
                } catch (IOException e) {
                    System.err.println("[peers] progress output lost: " + e);
                }
            });
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // A cold build of all five programs takes tens of minutes on two shared cores.
            if (!process.waitFor(80, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within 80 minutes");
            }
            progress.join(Duration.ofSeconds(5));
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed with exit code " + process.exitValue()
                        + "; its progress lines above say where");
            }
            return parse(out, script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    static Map<String, Path> parse(String scriptOutput, Path script) {
        Map<String, Path> binaries = new LinkedHashMap<>();
        for (String line : scriptOutput.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                binaries.put(line.substring(0, eq).trim(), Path.of(line.substring(eq + 1).trim()));
            }
        }
        for (String name : NAMES) {
            Path path = binaries.get(name);
            if (path == null || !Files.isExecutable(path)) {
                throw new IllegalStateException(script + " printed no executable for '" + name + "': " + path);
            }
        }
        return binaries;
    }
}
