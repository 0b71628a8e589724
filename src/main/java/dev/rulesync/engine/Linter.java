package dev.rulesync.engine;

import dev.rulesync.classify.Classification;
import dev.rulesync.classify.Classifier;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;
import dev.rulesync.report.LintReport;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.validate.CheckSwitches;
import dev.rulesync.validate.Checks;
import dev.rulesync.validate.Suppressions;
import dev.rulesync.validate.TreeChecks;
import dev.rulesync.validate.ObjectVerdict;
import dev.rulesync.validate.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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
        return report(checkFiles(paths));
    }

    /** The report of checked files: all their problems, in file order, and what was read. */
    public static LintReport report(List<CheckedFile> checked) {
        List<Problem> problems = new ArrayList<>();
        int objects = 0;
        int rules = 0;
        for (CheckedFile f : checked) {
            problems.addAll(f.problems());
            objects += f.objects().size();
            rules += f.loaded().ruleCount();
        }
        return new LintReport(problems, checked.size(), objects, rules);
    }

    /**
     * One file read and each of its objects classified and validated: what {@code lint} reports and what
     * {@code plan}/{@code sync} turn into desired state.
     *
     * @param loaded   the file as read, with its file-level problems
     * @param objects  each object with its classification and verdict, in file order
     * @param problems every problem of the file (file-level and per object), sorted by place
     */
    public record CheckedFile(LoadResult loaded, List<CheckedObject> objects, List<Problem> problems) {
    }

    /** One loaded object with its tenant and type (when found) and all its problems. */
    public record CheckedObject(LoadedObject object, Checked checked) {
    }

    /**
     * Reads and checks files and directories (recursively, *.yaml and *.yml), in file order. Files are independent,
     * so they are handled in parallel. Throws when a path cannot be read.
     */
    public List<CheckedFile> checkFiles(List<Path> paths) throws IOException {
        List<Path> files = files(paths);
        List<CheckedFile> checked;
        try {
            checked = files.parallelStream().map(this::checkFile).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return withTreeProblems(checked);
    }

    /**
     * The whole-tree stage over every file read: duplicates across groups and files, dependencies across
     * tenants. Each problem goes to the file it is placed in, under that file's disable comments.
     */
    private List<CheckedFile> withTreeProblems(List<CheckedFile> checked) {
        TreeChecks tree = new TreeChecks();
        for (CheckedFile f : checked) {
            for (CheckedObject o : f.objects()) {
                var c = o.checked().classification();
                tree.put(o.object().object().ref(), c.tenant(), c.type(), o.checked().verdict().analyses());
            }
        }
        Map<String, List<Problem>> byFile = new HashMap<>();
        for (Problem p : tree.all()) byFile.computeIfAbsent(p.position().file(), k -> new ArrayList<>()).add(p);
        if (byFile.isEmpty()) return checked;
        List<CheckedFile> out = new ArrayList<>(checked.size());
        for (CheckedFile f : checked) {
            List<Problem> extra = byFile.get(f.loaded().file());
            if (extra == null) {
                out.add(f);
                continue;
            }
            List<Problem> problems = new ArrayList<>(f.problems());
            // configuration and the disable annotation of the object a problem is in switch it off, as its own
            List<Problem> on = new ArrayList<>(extra.size());
            for (Problem p : extra) {
                RuleObject in = f.objects().stream().map(o -> o.object().object())
                        .filter(o -> o.ref().equals(p.object())).findFirst().orElse(null);
                on.addAll(in == null ? List.of(p) : validator.switched(in, List.of(p)));
            }
            problems.addAll(Suppressions.apply(f.loaded(), on).stream()
                    .filter(p -> !p.check().equals(Checks.COMMENT_DISABLE)).toList());
            problems.sort(java.util.Comparator.comparing(Problem::position).thenComparing(Problem::check));
            out.add(new CheckedFile(f.loaded(), f.objects(), problems));
        }
        return out;
    }

    private CheckedFile checkFile(Path file) {
        LoadResult loaded;
        try {
            loaded = loader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
        List<Problem> problems = new ArrayList<>(Suppressions.apply(loaded, loaded.problems()));
        List<CheckedObject> objects = new ArrayList<>();
        for (LoadedObject o : loaded.objects()) {
            Checked checked = checkAndClassify(o);
            if (!loaded.disables().isEmpty()) {
                // disable comments act like the disable annotation: a switched-off error no longer blocks the object
                ObjectVerdict v = checked.verdict();
                List<Problem> kept = Suppressions.apply(loaded, v.problems()).stream()
                        .filter(p -> !p.check().equals(Checks.COMMENT_DISABLE)).toList();
                checked = new Checked(checked.classification(), new ObjectVerdict(v.ref(), kept, v.analyses()));
            }
            objects.add(new CheckedObject(o, checked));
            problems.addAll(checked.verdict().problems());
        }
        problems.sort(java.util.Comparator.comparing(Problem::position).thenComparing(Problem::check));
        return new CheckedFile(loaded, objects, problems);
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
