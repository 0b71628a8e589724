package dev.rulesync.cli;

import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.classify.Classifier;
import dev.rulesync.engine.EngineOptions;
import dev.rulesync.engine.Linter;
import dev.rulesync.config.LintProperties;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.Severity;
import dev.rulesync.report.LintReport;
import dev.rulesync.report.ReportFormat;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.validate.ExpressionLanguages;
import dev.rulesync.validate.NameValidation;
import dev.rulesync.validate.ValidationOptions;
import dev.rulesync.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rule-sync lint}: checks rule files offline and reports every problem at its place. */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks PrometheusRule objects and plain rule files without contacting any ruler.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:problems at or above --fail-on",
                "2:usage or I/O error"})
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

    @Option(names = "--tenant", description = "tenant of plain rule files (PrometheusRule objects use their label)")
    String tenant;

    @Option(names = "--type", description = "type of plain rule files: metrics or logs")
    TypeOption type;

    @Option(names = "--tenant-label", description = "metadata label holding the tenant (default: tenant)")
    String tenantLabel;

    @Option(names = "--type-label", description = "metadata label holding the type (default: type)")
    String typeLabel;

    @Option(names = "--name-validation", description = "utf8 or legacy names for both targets (default: each target's "
            + "setting, legacy as Mimir and Loki ship)")
    NamesOption names;

    @Option(names = "--max-rules-per-group", description = "rules per group Mimir accepts, 0 = no limit (default: 20)")
    Integer maxRulesPerGroup;

    @Option(names = "--disable", split = ",", paramLabel = "CHECK", description = "switch checks off, e.g. group/size")
    List<String> disable = List.of();

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with rulesync.lint settings")
    Path config;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or directories (*.yaml, *.yml, recursively)")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LintProperties props = LintProperties.DEFAULTS;
        if (config != null) {
            try {
                props = LintProperties.read(config);
            } catch (NoSuchFileException e) {
                err.println("rule-sync lint: no such file: " + e.getFile());
                return 2;
            } catch (IOException e) {
                err.println("rule-sync lint: cannot read the configuration: " + e.getMessage());
                return 2;
            }
        }
        ValidationOptions vo = EngineOptions.validation(props,
                names == null ? null : NameValidation.valueOf(names.name().toUpperCase(java.util.Locale.ROOT)),
                maxRulesPerGroup, new LinkedHashSet<>(disable));
        if (tenant != null && tenant.isEmpty()) throw new ParameterException(spec.commandLine(), "--tenant is empty");
        ClassifyOptions co = new ClassifyOptions(tenantLabel == null ? props.tenantLabel() : tenantLabel,
                typeLabel == null ? props.typeLabel() : typeLabel, tenant,
                type == null ? null : RuleType.fromLabel(type.name()).orElseThrow());
        Linter linter = new Linter(new RuleFileLoader(), new Classifier(co),
                new Validator(vo, ExpressionLanguages.builtIn()));
        LintReport report;
        try {
            report = linter.lint(paths);
        } catch (NoSuchFileException e) {
            err.println("rule-sync lint: " + e.getFile() + ": no such file or directory");
            return 2;
        } catch (IOException e) {
            err.println("rule-sync lint: " + e.getMessage());
            return 2;
        }
        try {
            Writer out = spec.commandLine().getOut();
            ReportFormat.parse(format.name()).write(report, out);
            out.flush();
        } catch (IOException e) {
            err.println("rule-sync lint: cannot write the report: " + e.getMessage());
            return 2;
        }
        return report.hasAtLeast(failOn == FailOn.warning ? Severity.WARNING : Severity.ERROR) ? 1 : 0;
    }
}
