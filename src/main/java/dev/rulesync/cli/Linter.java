package dev.rulesync.cli;

import dev.rulesync.classify.Classification;
import dev.rulesync.classify.Classifier;
import dev.rulesync.model.Problem;
import dev.rulesync.report.LintReport;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.validate.CheckSwitches;
import dev.rulesync.validate.ObjectVerdict;
import dev.rulesync.validate.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Composes the stages for {@code lint}: find the files, then per file read, classify and validate each object.
 * Files are independent, so they are handled in parallel; the report keeps the order of the files.
 */
public final class Linter {

    private final RuleFileLoader loader;
    private final Classifier classifier;
    private final Validator validator;

    public Linter(RuleFileLoader loader, Classifier classifier, Validator validator) {
        this.loader = loader;
        this.classifier = classifier;
        this.validator = validator;
    }

    /** Lints files and directories (recursively, *.yaml and *.yml). Throws when a path cannot be read. */
    public LintReport lint(List<Path> paths) throws IOException {
        List<Path> files = files(paths);
        List<FileOutcome> outcomes;
        try {
            outcomes = files.parallelStream().map(this::lintFile).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Problem> problems = new ArrayList<>();
        int objects = 0;
        int rules = 0;
        for (FileOutcome o : outcomes) {
            problems.addAll(o.problems);
            objects += o.objects;
            rules += o.rules;
        }
        return new LintReport(problems, files.size(), objects, rules);
    }

    private record FileOutcome(List<Problem> problems, int objects, int rules) {
    }

    private FileOutcome lintFile(Path file) {
        LoadResult loaded;
        try {
            loaded = loader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
        List<Problem> problems = new ArrayList<>(loaded.problems());
        for (LoadedObject o : loaded.objects()) {
            problems.addAll(check(o).problems());
        }
        problems.sort(java.util.Comparator.comparing(Problem::position).thenComparing(Problem::check));
        return new FileOutcome(problems, loaded.objects().size(), loaded.ruleCount());
    }

    /** Classify and validate one loaded object: the per-object unit the controller reuses. */
    public ObjectVerdict check(LoadedObject o) {
        return checkAndClassify(o).verdict();
    }

    /** An object's tenant and type (when found) and all its problems. */
    public record Checked(Classification classification, ObjectVerdict verdict) {
    }

    /** {@link #check} that also returns the classification, for the commands that sync what they checked. */
    public Checked checkAndClassify(LoadedObject o) {
        Classification c = classifier.classify(o.object(), o.origin());
        List<Problem> earlier = new ArrayList<>(o.problems());
        earlier.addAll(c.problems());
        var fields = o.origin().fields();
        var annotationAt = fields.getOrDefault("value:metadata.annotations." + CheckSwitches.ANNOTATION,
                fields.get("metadata.annotations"));
        return new Checked(c, validator.validate(o.object(), c.type(), earlier, annotationAt, o::valueLocator));
    }

    static List<Path> files(List<Path> paths) throws IOException {
        // a file named twice (directly and inside a named directory) is linted once
        java.util.Set<Path> out = new java.util.LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(Linter::isYaml).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new NoSuchFileException(p.toString(), null, "no such file or directory");
            }
        }
        return List.copyOf(out);
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
