package dev.rulesync.testsupport;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Go programs in tools/ (the oracles the conformance and differential tests ask), built with {@code go build}
 * on first use into ~/.cache/rule-sync/tools/NAME-HASH/, where HASH covers go.mod, go.sum and main.go: a warm run
 * only starts the binary, and a changed program is rebuilt. The first build downloads the modules through the Go
 * module proxy.
 */
public final class GoTools {

    private GoTools() {
    }

    /** The source directory tools/NAME, found from the working directory (the checkout root under Maven). */
    public static Path sourceDir(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("tools").resolve(name);
        if (!Files.isDirectory(dir)) throw new IllegalStateException("sources of " + name + " not found at " + dir);
        return dir;
    }

    /** The built program tools/NAME, building it when missing. */
    public static synchronized Path binary(String name) {
        try {
            Path src = sourceDir(name);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String f : List.of("go.mod", "go.sum", "main.go")) {
                Path p = src.resolve(f);
                if (Files.exists(p)) sha.update(Files.readAllBytes(p));
            }
            String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            Path dir = Path.of(System.getProperty("user.home"), ".cache", "rule-sync", "tools", name + "-" + hash);
            Path bin = dir.resolve(name);
            if (Files.isExecutable(bin)) return bin;
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".tmp" + ProcessHandle.current().pid());
            Process go = new ProcessBuilder("go", "build", "-o", tmp.toString(), ".")
                    .directory(src.toFile()).redirectErrorStream(true).start();
            String log = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!go.waitFor(30, TimeUnit.MINUTES) || go.exitValue() != 0) {
                throw new IllegalStateException("go build of tools/" + name + " failed:\n" + log);
            }
            Files.move(tmp, bin, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs tools/NAME with {@code args}, writes {@code lines} to it while reading what it answers, one line per
     * line written, and checks that it answered them all and exited cleanly.
     */
    public static List<String> exchange(String name, List<String> args, List<String> lines) {
        try {
            List<String> command = new ArrayList<>(List.of(binary(name).toString()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (BufferedWriter w = new BufferedWriter(
                        new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                    for (String line : lines) {
                        w.write(line);
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            List<String> out = new ArrayList<>(lines.size());
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                for (String line; (line = r.readLine()) != null; ) out.add(line);
            }
            writer.join();
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException(name + " failed");
            if (out.size() != lines.size()) {
                throw new IllegalStateException(name + " answered " + out.size() + " of " + lines.size());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
