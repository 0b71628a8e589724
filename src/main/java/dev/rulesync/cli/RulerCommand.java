package dev.rulesync.cli;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.config.RuleSyncConfigLoader;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.engine.Engine;
import dev.rulesync.engine.EngineOptions;
import dev.rulesync.engine.FilePipeline;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleType;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.plan.Plan;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * What {@code plan} and {@code sync} share: their options, configuration (flags over {@code --rulesync.x=y} over
 * environment over application.yaml, bound to {@link RuleSyncProperties} like the controller) and printing. The
 * work is the {@link Engine}'s.
 */
abstract class RulerCommand implements Callable<Integer> {

    enum LokiMode { api, s3 }


    @Spec
    CommandSpec spec;

    @Option(names = "--mimir-url", paramLabel = "URL", description = "Mimir (or gateway) root URL, rulesync.mimir.url")
    String mimirUrl;

    @Option(names = "--loki-url", paramLabel = "URL", description = "Loki (or gateway) root URL, rulesync.loki.url")
    String lokiUrl;

    @Option(names = "--loki-mode", description = "api or s3 (rulesync.loki.mode, default api)")
    LokiMode lokiMode;

    @Option(names = "--loki-bucket", split = ",", paramLabel = "BUCKET", description = "Loki's rule bucket(s), s3 mode")
    List<String> lokiBuckets;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3 endpoint, s3 mode (e.g. http://minio:9000)")
    String s3Endpoint;

    @Option(names = "--concurrency", paramLabel = "N", description = "ruler calls in flight at once (default 8)")
    Integer concurrency;

    @Option(names = "--prune", description = "also delete owned remote namespaces that no given object maps to "
            + "(rulesync.prune); give it only the whole tree")
    Boolean prune;

    @Option(names = "--known-tenant", split = ",", paramLabel = "TENANT",
            description = "with --prune, also list (and clean up) these tenants when no object names them")
    List<String> knownTenants;

    @Option(names = "--root", paramLabel = "DIR", description = "directory plain rule files are named relative to "
            + "(rulesync.files.root; default: the top of the git work tree the paths are in)")
    Path root;

    @Option(names = "--tenant", description = "tenant of plain rule files (PrometheusRule objects use their label)")
    String tenant;

    @Option(names = "--type", description = "type of plain rule files: metrics or logs")
    TypeOption type;

    @Option(names = "--config", paramLabel = "FILE",
            description = "extra configuration file (YAML or properties), as spring.config.additional-location")
    Path config;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or directories (*.yaml, *.yml, recursively)")
    List<Path> paths;

    /** {@code --rulesync.x=y} and {@code --spring.x=y}: any configuration property, as for the controller. */
    @Unmatched
    List<String> propertyArgs = new ArrayList<>();

    /** Wraps each real target; the e2e tests count calls with it. */
    UnaryOperator<RulerTarget> decorator = UnaryOperator.identity();

    Map<String, Object> environment = RuleSyncConfigLoader.systemEnvironment();

    abstract String verb();

    /** Runs with the engine and the files' objects; returns the exit code. */
    abstract int run(Engine engine, List<DesiredObject> desired, PrintWriter out);

    @Override
    public Integer call() {
        Timings.mark("start");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSyncProperties props;
        try {
            props = CommandConfiguration.load(verb(), flags(), config, propertyArgs, environment,
                    RuleSyncConfigLoader::load);
        } catch (CommandConfiguration.Invalid e) {
            err.println(e.getMessage());
            return 2;
        }
        Timings.mark("configuration");
        if (!props.mimirEnabled() && !props.lokiEnabled()) {
            err.println("rule-sync " + verb() + ": no ruler configured: set --mimir-url and/or --loki-url (or "
                    + "--loki-mode s3 --loki-bucket B), or rulesync.mimir.url / rulesync.loki.* (docs/configuration.md)");
            return 2;
        }
        try (Engine engine = new Engine(props, EngineOptions.pruning(props), decorator)) {
            Timings.mark("targets");
            FilePipeline.Result input;
            try {
                input = engine.loadFiles(paths);
            } catch (NoSuchFileException e) {
                err.println("rule-sync " + verb() + ": " + e.getFile() + ": no such file or directory");
                return 2;
            } catch (IOException e) {
                err.println("rule-sync " + verb() + ": " + e.getMessage());
                return 2;
            }
            Timings.mark("files");
            for (Problem p : input.problems()) out.println(ProblemLines.line(p));
            for (RuleType t : RuleType.values()) {
                long n = input.desired().stream().filter(d -> d.type() == t).count();
                if (n > 0 && !engine.serves(t)) {
                    out.println("note: no " + (t == RuleType.LOGS ? "Loki" : "Mimir") + " target is configured; "
                            + n + " " + t.label() + " object(s) are not planned");
                }
            }
            int code = run(engine, input.desired(), out);
            out.flush();
            Timings.mark("done");
            return code;
        } catch (IllegalArgumentException e) {
            err.println("rule-sync " + verb() + ": " + e.getMessage());
            return 2;
        }
    }

    /** The plan of the files against the rulers, printed. */
    Plan planAndPrint(Engine engine, List<DesiredObject> desired, PrintWriter out) {
        Plan plan = engine.plan(desired);
        Timings.mark("list+plan");
        out.print(plan.format());
        return plan;
    }

    private Map<String, Object> flags() {
        Map<String, Object> f = new LinkedHashMap<>();
        if (mimirUrl != null) f.put("rulesync.mimir.url", mimirUrl);
        if (lokiUrl != null) f.put("rulesync.loki.url", lokiUrl);
        if (lokiMode != null) f.put("rulesync.loki.mode", lokiMode.name());
        if (lokiBuckets != null) f.put("rulesync.loki.s3.buckets", String.join(",", lokiBuckets));
        if (s3Endpoint != null) f.put("rulesync.loki.s3.endpoint", s3Endpoint);
        if (concurrency != null) f.put("rulesync.concurrency", concurrency);
        if (prune != null) f.put("rulesync.prune", prune);
        if (knownTenants != null) f.put("rulesync.known-tenants", String.join(",", knownTenants));
        if (root != null) f.put("rulesync.files.root", root.toString());
        if (tenant != null) f.put("rulesync.files.tenant", tenant);
        if (type != null) f.put("rulesync.files.type", type.name());
        return f;
    }
}
