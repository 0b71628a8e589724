package dev.rulesync.validate.logql;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The real Loki parser (tools/logql-oracle, a Go program built against Loki v3.x), run as a process. The binary is
 * built on first use into ~/.cache/rule-sync/tools/logql-oracle-HASH/ where HASH covers go.mod and main.go, so a
 * warm run only starts it.
 */
final class LokiOracle {

    /** What one of Loki's entry points said. */
    record Verdict(boolean ok, String error, String string) {
    }

    /**
     * Loki's verdict as a query (ParseExpr), as a rule (ParseSampleExpr), and as a rule whose pipelines Loki can
     * build when it runs it (ParseSampleExpr + Extractors).
     */
    record Judgement(Verdict query, Verdict rule, Verdict eval) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LokiOracle() {
    }

    static Path sourceDir() {
        return Path.of(System.getProperty("user.dir")).resolve("tools/logql-oracle");
    }

    /** The oracle binary, built if missing (slow the first time: Go downloads Loki's dependencies). */
    static synchronized Path binary() {
        try {
            Path src = sourceDir();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(src.resolve("go.mod")));
            sha.update(Files.readAllBytes(src.resolve("main.go")));
            String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            Path dir = Path.of(System.getProperty("user.home"), ".cache", "rule-sync", "tools",
                    "logql-oracle-" + hash);
            Path bin = dir.resolve("logql-oracle");
            if (Files.isExecutable(bin)) return bin;
            Files.createDirectories(dir);
            Path tmp = dir.resolve("logql-oracle.tmp" + ProcessHandle.current().pid());
            Process p = new ProcessBuilder("go", "build", "-o", tmp.toString(), ".")
                    .directory(src.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("building logql-oracle failed:\n" + out);
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

    /** Streams the expressions through one oracle process; the answers come back in order. */
    static List<Judgement> judge(List<String> exprs) {
        try {
            Process p = new ProcessBuilder(binary().toString(), "check").redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (BufferedWriter w = new BufferedWriter(
                        new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
                    for (String e : exprs) {
                        w.write(JSON.writeValueAsString(e));
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            List<Judgement> out = new ArrayList<>(exprs.size());
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode n = JSON.readTree(line);
                    out.add(new Judgement(verdict(n.get("query")), verdict(n.get("rule")), verdict(n.get("eval"))));
                }
            }
            writer.join();
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("logql-oracle failed");
            }
            if (out.size() != exprs.size()) {
                throw new IllegalStateException("logql-oracle answered " + out.size() + " of " + exprs.size());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Verdict verdict(JsonNode n) {
        return new Verdict(n.path("ok").asBoolean(false), n.path("err").asString(""), n.path("string").asString(""));
    }
}
