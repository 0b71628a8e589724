package dev.rulesync.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Real-world test corpora, read from the Go modules the build already downloads, at pinned versions, through the Go
 * module proxy into the module cache ({@code go mod download}: minutes the first time for Mimir, instant after).
 * Nothing of them is copied into the repository, and no test needs anything beside the checkout.
 *
 * <p>Each version is the one already pinned for the program that uses the same module, so there is one pin per
 * module: Prometheus' PromQL test scripts come from the Prometheus that {@code tools/promql-oracle} is built from
 * (the scripts exercise exactly what that parser knows); Loki's docs and mixin, and Mimir's mixin, come from the
 * Loki and Mimir that {@code scripts/peers.sh} builds; only prometheus-operator (for its CRD and its small
 * examples) is pinned here.
 *
 * <p>A {@code ../shared/corpus} folder beside the checkout (Maven passes {@code -Drulesync.shared}) only ADDS
 * cases, e.g. kube-prometheus' PrometheusRule manifests, which no reachable module ships compiled. Nothing here
 * looks anywhere else for it.
 */
public final class Corpora {

    /** The only corpus module no other program of ours pins. */
    private static final GoModule PROMETHEUS_OPERATOR =
            new GoModule("github.com/prometheus-operator/prometheus-operator", "v0.85.0");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<GoModule, Path> DIRS = new ConcurrentHashMap<>();
    /** The pins read from their files, once per JVM. */
    private static final Map<String, GoModule> PINNED = new ConcurrentHashMap<>();

    private Corpora() {
    }

    /** A Go module at one version. */
    public record GoModule(String path, String version) {

        /** The module's files in the Go module cache, downloaded through the module proxy on first use. */
        public Path dir() {
            return DIRS.computeIfAbsent(this, Corpora::download);
        }

        /** A file or folder inside the module, which must exist: a missing one is a wrong pin or path. */
        public Path resolve(String relative) {
            Path p = dir().resolve(relative);
            if (!Files.exists(p)) {
                throw new IllegalStateException(relative + " is not in " + this + " (" + dir() + ")");
            }
            return p;
        }

        @Override
        public String toString() {
            return path + "@" + version;
        }
    }

    /** github.com/prometheus/prometheus at the version tools/promql-oracle requires. */
    public static GoModule prometheus() {
        return PINNED.computeIfAbsent("prometheus", k -> new GoModule("github.com/prometheus/prometheus",
                required(Path.of("tools/promql-oracle/go.mod"), "github.com/prometheus/prometheus")));
    }

    /** Loki's module at the version scripts/peers.sh builds (tools/logql-oracle requires the same). */
    public static GoModule loki() {
        return peerModule("loki");
    }

    /** Mimir's module at the version scripts/peers.sh builds. */
    public static GoModule mimir() {
        return peerModule("mimir");
    }

    public static GoModule prometheusOperator() {
        return PROMETHEUS_OPERATOR;
    }

    /** Prometheus' PromQL engine test scripts ({@code *.test}, with {@code eval} lines), plus ../shared's. */
    public static List<Path> promqlTestScripts() {
        List<Path> out = new ArrayList<>(files(prometheus().resolve("promql/promqltest/testdata"), ".test"));
        shared("promqltest").ifPresent(d -> out.addAll(files(d, ".test")));
        return out;
    }

    /**
     * Every real PromQL rule file: the compiled mixins of Mimir (default and bare-metal flavours, which select by
     * different labels), Loki and prometheus-operator as plain rule files, Mimir's mixin again as the
     * PrometheusRule objects its Helm chart renders, and ../shared's kube-prometheus and Loki mixin when present.
     */
    public static List<Path> promqlRuleFiles() {
        List<Path> out = new ArrayList<>(plainRuleFiles());
        out.addAll(prometheusRuleObjects());
        shared("loki-mixin").ifPresent(d -> out.addAll(files(d, ".yaml")));
        return out;
    }

    /** The pinned plain ({@code groups:} at the top) rule files. */
    private static List<Path> plainRuleFiles() {
        List<Path> out = new ArrayList<>();
        out.addAll(mimirMixin());
        out.addAll(files(mimir().resolve("operations/mimir-mixin-compiled-baremetal"), ".yaml"));
        out.addAll(lokiMixin());
        out.add(prometheusOperator().resolve("example/mixin/alerts.yaml"));
        return out;
    }

    /** Mimir's compiled mixin: alerts.yaml and rules.yaml, 241 rules in 31 groups. */
    private static List<Path> mimirMixin() {
        return files(mimir().resolve("operations/mimir-mixin-compiled"), ".yaml");
    }

    /** Loki's compiled mixin: alerts.yaml and rules.yaml (PromQL over Loki's own metrics). */
    public static List<Path> lokiMixin() {
        return files(loki().resolve("production/loki-mixin-compiled"), ".yaml");
    }

    /**
     * Real PrometheusRule manifests: Mimir's mixin as its Helm chart renders it (the chart's own golden output,
     * with {@code ---} and {@code # Source:} lines), prometheus-operator's examples, and ../shared's kube-prometheus.
     */
    private static List<Path> prometheusRuleObjects() {
        List<Path> out = new ArrayList<>(mimirHelmRules());
        out.add(prometheusOperator().resolve("example/user-guides/alerting/prometheus-example-rules.yaml"));
        out.add(prometheusOperator().resolve("example/thanos/prometheus-rule.yaml"));
        shared("kube-prometheus").ifPresent(d -> out.addAll(files(d, ".yaml")));
        return out;
    }

    /** The two PrometheusRule objects Mimir's Helm chart renders from its mixin (alerts, recording rules). */
    public static List<Path> mimirHelmRules() {
        Path dir = mimir().resolve(
                "operations/helm/tests/metamonitoring-values-generated/mimir-distributed/templates/metamonitoring");
        return List.of(dir.resolve("mixin-alerts.yaml"), dir.resolve("recording-rules.yaml"));
    }

    /** The PrometheusRule CustomResourceDefinition (monitoring.coreos.com/v1). */
    public static Path prometheusRuleCrd() {
        return prometheusOperator().resolve("example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml");
    }

    /** Loki's query and alerting documentation (Markdown with {@code ```logql} blocks). */
    public static List<Path> lokiQueryDocs() {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("docs/sources/query", "docs/sources/alert")) {
            try (Stream<Path> s = Files.walk(loki().resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * {@code <rulesync.shared>/corpus/<name>} when it exists: optional extra cases, never required. Maven sets
     * rulesync.shared to ../shared beside the checkout; nothing searches further.
     */
    public static Optional<Path> shared(String name) {
        String root = System.getProperty("rulesync.shared");
        if (root == null || root.isBlank()) return Optional.empty();
        Path p = Path.of(root, "corpus", name);
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    /** The regular files directly in {@code dir} whose names end with {@code suffix}, sorted. */
    public static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A module as {@code scripts/peers.sh --versions} names it ({@code name=module@version} lines, no build). */
    private static GoModule peerModule(String name) {
        if (!PINNED.containsKey("peers:" + name)) {
            for (String line : run(Path.of("."), "bash", "scripts/peers.sh", "--versions").split("\n")) {
                int eq = line.indexOf('=');
                int at = line.lastIndexOf('@');
                if (eq > 0 && at > eq) {
                    PINNED.put("peers:" + line.substring(0, eq),
                            new GoModule(line.substring(eq + 1, at), line.substring(at + 1)));
                }
            }
        }
        GoModule g = PINNED.get("peers:" + name);
        if (g == null) throw new IllegalStateException("scripts/peers.sh --versions names no " + name);
        return g;
    }

    /** The version a go.mod requires of a module (parsed by Go itself: {@code go mod edit -json}). */
    static String required(Path goMod, String module) {
        JsonNode mod = JSON.readTree(run(Path.of("."), "go", "mod", "edit", "-json", goMod.toString()));
        for (JsonNode r : mod.path("Require")) {
            if (module.equals(r.path("Path").asString())) return r.path("Version").asString();
        }
        throw new IllegalStateException(goMod + " requires no " + module);
    }

    private static Path download(GoModule m) {
        // Outside any module and workspace, so that only the module proxy and the module cache are involved.
        Path neutral = Path.of(System.getProperty("java.io.tmpdir"));
        JsonNode info = JSON.readTree(run(neutral, "go", "mod", "download", "-json", m.toString()));
        Path dir = Path.of(info.path("Dir").asString(""));
        if (info.hasNonNull("Error") || !Files.isDirectory(dir)) {
            throw new IllegalStateException("go mod download " + m + ": " + info.path("Error").asString("no Dir"));
        }
        return dir;
    }

    /** Runs a short command and returns its standard output; any failure is an error naming the command. */
    private static String run(Path dir, String... cmd) {
        try {
            Path err = Files.createTempFile("corpora-", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err.toFile());
                pb.environment().put("GOWORK", "off");
                Process p = pb.start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = p.waitFor();
                // go mod download -json reports its error in the JSON (exit 1): let the caller show it.
                if (exit != 0 && !(cmd[0].equals("go") && out.contains("\"Error\""))) {
                    throw new IllegalStateException(String.join(" ", cmd) + " (in " + dir.toAbsolutePath() + ") exited "
                            + exit + ": " + Files.readString(err).strip());
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", cmd) + ": interrupted", e);
        }
    }
}
