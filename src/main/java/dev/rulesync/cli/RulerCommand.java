package dev.rulesync.cli;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.classify.Classifier;
import dev.rulesync.config.RuleSyncConfigLoader;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleType;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.plan.Plan;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.sync.SyncEngine;
import dev.rulesync.validate.ExpressionLanguages;
import dev.rulesync.validate.ValidationOptions;
import dev.rulesync.validate.Validator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * What {@code plan} and {@code sync} share: configuration (flags over {@code --rulesync.x=y} over environment over
 * application.yaml, bound to {@link RuleSyncProperties} like the controller), the file pipeline and the engine.
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

    @Option(names = "--known-tenant", split = ",", paramLabel = "TENANT",
            description = "also list (and clean up) these tenants when no object names them")
    List<String> knownTenants;

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
    abstract int run(SyncEngine engine, List<DesiredObject> desired, RuleSyncProperties props, PrintWriter out);

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
        ClassifyOptions co = props.lint().classifyOptions(props.files());
        ValidationOptions vo = props.lint().validationOptions(List.of());
        ExpressionLanguages languages = ExpressionLanguages.builtIn();
        FilePipeline pipeline = new FilePipeline(
                new Linter(new RuleFileLoader(), new Classifier(co), new Validator(vo, languages)));
        FilePipeline.Result input;
        try {
            input = pipeline.load(paths);
        } catch (NoSuchFileException e) {
            err.println("rule-sync " + verb() + ": " + e.getFile() + ": no such file or directory");
            return 2;
        } catch (IOException e) {
            err.println("rule-sync " + verb() + ": " + e.getMessage());
            return 2;
        }
        Timings.mark("files");
        for (Problem p : input.problems()) out.println(ProblemLines.line(p));
        try (Rulers rulers = Rulers.build(props, languages, fileRoot(), decorator)) {
            for (RuleType t : RuleType.values()) {
                long n = input.desired().stream().filter(d -> d.type() == t).count();
                if (n > 0 && !rulers.serves(t)) {
                    out.println("note: no " + (t == RuleType.LOGS ? "Loki" : "Mimir") + " target is configured; "
                            + n + " " + t.label() + " object(s) are not planned");
                }
            }
            Timings.mark("targets");
            SyncEngine engine = new SyncEngine(rulers.planTargets(), rulers.byName(), props.concurrency());
            int code = run(engine, input.desired(), props, out);
            out.flush();
            Timings.mark("done");
            return code;
        } catch (IllegalArgumentException e) {
            err.println("rule-sync " + verb() + ": " + e.getMessage());
            return 2;
        }
    }

    /** The plan of the files against the rulers, printed. */
    Plan planAndPrint(SyncEngine engine, List<DesiredObject> desired, RuleSyncProperties props, PrintWriter out) {
        Plan plan = engine.plan(desired, props.knownTenants());
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
        if (knownTenants != null) f.put("rulesync.known-tenants", String.join(",", knownTenants));
        if (tenant != null) f.put("rulesync.files.tenant", tenant);
        if (type != null) f.put("rulesync.files.type", type.name());
        return f;
    }

    /** One directory given: rule file names are relative to it; otherwise to the working directory. */
    private Path fileRoot() {
        if (paths.size() == 1 && Files.isDirectory(paths.getFirst())) return paths.getFirst().normalize();
        return null;
    }
}
