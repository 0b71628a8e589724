package dev.rulesync.engine;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.classify.Classifier;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.model.RuleType;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.plan.Plan;
import dev.rulesync.plan.Planner;
import dev.rulesync.plan.Pruning;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.sync.SyncEngine;
import dev.rulesync.sync.SyncResult;
import dev.rulesync.validate.ExpressionLanguages;
import dev.rulesync.validate.Validator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The engine every front end shares (the {@code plan} and {@code sync} commands, the controller, the REST API),
 * built from one {@link RuleSyncProperties}: it checks source objects ({@link Linter}), reads rule files into desired
 * state ({@link FilePipeline}), holds the configured ruler targets ({@link Rulers}) and lists, plans and applies
 * ({@link SyncEngine}). A front end parses its input, calls this, and prints or reports what it returns.
 */
public final class Engine implements AutoCloseable {

    private final RuleSyncProperties props;
    private final Linter linter;
    private final Rulers rulers;
    private final SyncEngine sync;

    /**
     * @param pruning   whether owned namespaces no given object maps to are deleted: the controller, which sees
     *                  every object, prunes; the commands follow {@code rulesync.prune} ({@link EngineOptions#pruning})
     * @param decorator applied to every real ruler target (tests count calls with it); identity otherwise
     */
    public Engine(RuleSyncProperties props, Pruning pruning, UnaryOperator<RulerTarget> decorator) {
        // one analysis per distinct expression text for the engine's life: the validator's parse serves the planner
        // too (a command builds one engine per run; a long-lived front end needs a bounded cache instead)
        ExpressionLanguages languages = ExpressionLanguages.builtIn().map(CanonicalFormCache::new);
        this.props = props;
        this.linter = linter(props, languages);
        this.rulers = Rulers.build(props, languages, decorator);
        this.sync = new SyncEngine(rulers.planTargets(), rulers.byName(), props.concurrency(), pruning);
    }

    /** The checks {@code lint}, {@code plan} and {@code sync} run, as configured; needs no ruler. */
    public static Linter linter(RuleSyncProperties props, ExpressionLanguages languages) {
        return new Linter(new RuleFileLoader(), new Classifier(EngineOptions.classify(props)),
                new Validator(EngineOptions.validation(props.lint()), languages));
    }

    public Linter linter() {
        return linter;
    }

    /**
     * Reads, classifies and checks files and directories into desired state; plain rule files are named below the
     * configured root or the git work tree of {@code paths} ({@link FileRoot}).
     *
     * @throws java.nio.file.NoSuchFileException when a path does not exist
     * @throws IllegalArgumentException          when a plain rule file cannot be named (no root, or outside it)
     */
    public FilePipeline.Result loadFiles(List<Path> paths) throws IOException {
        FileRoot root = FileRoot.resolve(props.files().root(), paths, Path.of("").toAbsolutePath());
        return new FilePipeline(linter).load(paths, root);
    }

    /** Whether a target for this type of objects is configured. */
    public boolean serves(RuleType type) {
        return rulers.serves(type);
    }

    public Planner planner() {
        return sync.planner();
    }

    /** Lists what the objects need (and, when pruning, the known tenants) and plans. */
    public Plan plan(Collection<DesiredObject> desired) {
        return sync.plan(desired, props.knownTenants());
    }

    /** Applies a plan: writes first, then deletes (make before break, see {@code PlanExecutor}). */
    public SyncResult execute(Plan plan) {
        return sync.execute(plan);
    }

    @Override
    public void close() {
        rulers.close();
    }
}
