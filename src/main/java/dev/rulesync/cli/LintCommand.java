package dev.rulesync.cli;

import dev.rulesync.changes.ChangedLines;
import dev.rulesync.changes.ChangedUnits;
import dev.rulesync.changes.GitChanges;
import dev.rulesync.classify.Classifier;
import dev.rulesync.config.RuleSyncConfigLoader;
import dev.rulesync.engine.EngineOptions;
import dev.rulesync.engine.Linter;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.Severity;
import dev.rulesync.report.LintReport;
import dev.rulesync.report.ReportFormat;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.validate.ExpressionLanguages;
import dev.rulesync.validate.NameValidation;
import dev.rulesync.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rule-sync lint}: checks rule files offline and reports every problem at its place. Its settings are bound
 * like {@code plan}'s and {@code sync}'s ({@link CommandConfiguration}), so the same configuration gives the same
 * verdict; with {@code --changed-since REF} it reads the whole tree but reports only what changed since REF.
 */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks PrometheusRule objects and plain rule files without contacting any ruler.",
        footer = {"%nAny rulesync.lint.* or rulesync.files.* property can be given as --rulesync.NAME=VALUE, as a"
                + " RULESYNC_NAME environment variable or in application.yaml (docs/configuration.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:problems at or above --fail-on",
                "2:usage, configuration, git or I/O error"})
public final class LintCommand implements Callable<Integer> {

    enum Format { text, json, github, sarif }

    enum FailOn { warning, error }

    enum NamesOption { utf8, legacy }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text, json, github or sarif (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error", description = "lowest severity that makes the exit code 1: warning or error (default: ${DEFAULT-VALUE})")
    FailOn failOn;

    @Option(names = "--changed-since", paramLabel = "REF",
            description = "report only problems of rules, groups and objects changed since the branch forked from "
                    + "REF (git merge base; uncommitted and untracked files count); the whole tree is still read")
    String changedSince;

    @Option(names = "--tenant", description = "tenant of plain rule files, rulesync.files.tenant (PrometheusRule objects use their label)")
    String tenant;

    @Option(names = "--type", description = "type of plain rule files: metrics or logs, rulesync.files.type")
    TypeOption type;

    @Option(names = "--tenant-label", description = "metadata label holding the tenant, rulesync.lint.tenant-label (default: tenant)")
    String tenantLabel;

    @Option(names = "--type-label", description = "metadata label holding the type, rulesync.lint.type-label (default: type)")
    String typeLabel;

    @Option(names = "--name-validation", description = "utf8 or legacy names for both targets, "
            + "rulesync.lint.name-validation (default: each target's rulesync.lint.mimir/loki.name-validation, legacy "
            + "as Mimir and Loki ship)")
    NamesOption names;

    @Option(names = "--max-rules-per-group", description = "rules per group Mimir accepts, 0 = no limit, "
            + "rulesync.lint.max-rules-per-group (default: 20)")
    Integer maxRulesPerGroup;

    @Option(names = "--disable", split = ",", paramLabel = "CHECK", description = "switch checks off, e.g. group/size (adds to rulesync.lint.disabled-checks)")
    List<String> disable = List.of();

    @Option(names = "--config", paramLabel = "FILE",
            description = "extra configuration file (YAML or properties), as spring.config.additional-location")
    Path config;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or directories (*.yaml, *.yml, recursively)")
    List<Path> paths;

    /** {@code --rulesync.x=y} and {@code --spring.x=y}: any configuration property, as for plan and sync. */
    @Unmatched
    List<String> propertyArgs = new ArrayList<>();

    Map<String, Object> environment = RuleSyncConfigLoader.systemEnvironment();

    @Override
    public Integer call() {
        Timings.mark("start");
        PrintWriter err = spec.commandLine().getErr();
        if (tenant != null && tenant.isEmpty()) throw new ParameterException(spec.commandLine(), "--tenant is empty");
        RuleSyncConfigLoader.LintSettings settings;
        try {
            settings = CommandConfiguration.load("lint", flags(), config, propertyArgs, environment,
                    RuleSyncConfigLoader::loadLint);
        } catch (CommandConfiguration.Invalid e) {
            err.println(e.getMessage());
            return 2;
        }
        Timings.mark("configuration");
        Linter linter;
        try {
            linter = new Linter(new RuleFileLoader(), new Classifier(EngineOptions.classify(settings.lint(), settings.files())),
                    new Validator(EngineOptions.validation(settings.lint(), disable), ExpressionLanguages.builtIn()));
        } catch (IllegalArgumentException e) { // a policy that does not compile, named by its setting
            err.println("rule-sync lint: invalid configuration: " + e.getMessage());
            return 2;
        }
        LintReport report;
        try {
            report = changedSince == null ? linter.lint(paths) : lintChanged(linter);
        } catch (NoSuchFileException e) {
            err.println("rule-sync lint: " + e.getFile() + ": no such file or directory");
            return 2;
        } catch (IOException e) {
            err.println("rule-sync lint: " + e.getMessage());
            return 2;
        }
        Timings.mark("files");
        try {
            Writer out = spec.commandLine().getOut();
            ReportFormat.parse(format.name()).write(report, out);
            out.flush();
        } catch (IOException e) {
            err.println("rule-sync lint: cannot write the report: " + e.getMessage());
            return 2;
        }
        Timings.mark("done");
        return report.hasAtLeast(failOn == FailOn.warning ? Severity.WARNING : Severity.ERROR) ? 1 : 0;
    }

    /**
     * {@code --changed-since}: the whole tree is read and checked, since checks across files (duplicates,
     * dependencies) need every file, and of the problems those of changed units, or naming a changed place, are
     * reported.
     */
    private LintReport lintChanged(Linter linter) throws IOException {
        ChangedLines changes = GitChanges.since(changedSince, paths);
        List<Linter.CheckedFile> files = linter.checkFiles(paths);
        LintReport report = Linter.report(files);
        ChangedUnits changed = new ChangedUnits(changes, files.stream().map(Linter.CheckedFile::loaded).toList());
        long touched = files.stream().filter(f -> changes.changedFile(Path.of(f.loaded().file()))).count();
        spec.commandLine().getErr().println("rule-sync lint: problems of what changed since " + changedSince
                + " (merge base " + changes.base().substring(0, Math.min(12, changes.base().length())) + ", "
                + touched + " of " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " changed)");
        return new LintReport(report.problems().stream().filter(changed).toList(), report.files(), report.objects(),
                report.rules());
    }

    /** The flags as the configuration properties they set, typed as the records are; they win over every other source. */
    private Map<String, Object> flags() {
        Map<String, Object> f = new LinkedHashMap<>();
        if (tenant != null) f.put("rulesync.files.tenant", tenant);
        if (type != null) f.put("rulesync.files.type", RuleType.fromLabel(type.name()).orElseThrow());
        if (tenantLabel != null) f.put("rulesync.lint.tenant-label", tenantLabel);
        if (typeLabel != null) f.put("rulesync.lint.type-label", typeLabel);
        if (names != null) f.put("rulesync.lint.name-validation", NameValidation.valueOf(names.name().toUpperCase(Locale.ROOT)));
        if (maxRulesPerGroup != null) f.put("rulesync.lint.max-rules-per-group", maxRulesPerGroup);
        return f;
    }
}
