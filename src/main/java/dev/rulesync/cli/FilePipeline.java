package dev.rulesync.cli;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Severity;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;
import dev.rulesync.source.RuleFileLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The source side of {@code plan} and {@code sync}: files -> load -> classify -> validate -> {@link DesiredObject}s,
 * with the same per-object checks as {@code lint}. An object with an ERROR is passed on as invalid, so the planner
 * keeps its last good remote version. A file with an ERROR outside any object (bad YAML) may have lost objects the
 * planner would otherwise delete remotely, so it becomes an invalid object that cannot be named: the planner then
 * deletes nothing in any tenant until the file is fixed.
 */
public final class FilePipeline {

    /** Kind of the placeholder for a file whose objects could not all be read. */
    public static final String UNREADABLE_FILE = "File";

    private final RuleFileLoader loader;
    private final Linter linter;

    public FilePipeline(RuleFileLoader loader, Linter linter) {
        this.loader = loader;
        this.linter = linter;
    }

    /**
     * @param desired  one entry per object (and per unreadable file), in file order
     * @param problems every problem found, sorted by place
     * @param files    files read
     * @param rules    rules read
     */
    public record Result(List<DesiredObject> desired, List<Problem> problems, int files, int rules) {

        public long errors() {
            return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        }
    }

    /** Reads files and directories (recursively, *.yaml and *.yml); throws when a path cannot be read. */
    public Result load(List<Path> paths) throws IOException {
        List<Path> files = Linter.files(paths);
        List<FileOutcome> outcomes;
        try {
            outcomes = files.parallelStream().map(this::loadFile).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<DesiredObject> desired = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int rules = 0;
        for (FileOutcome o : outcomes) {
            desired.addAll(o.desired);
            problems.addAll(o.problems);
            rules += o.rules;
        }
        return new Result(desired, problems, files.size(), rules);
    }

    private record FileOutcome(List<DesiredObject> desired, List<Problem> problems, int rules) {
    }

    private FileOutcome loadFile(Path file) {
        LoadResult loaded;
        try {
            loaded = loader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
        List<Problem> problems = new ArrayList<>(loaded.problems());
        List<DesiredObject> desired = new ArrayList<>();
        for (LoadedObject o : loaded.objects()) {
            Linter.Checked checked = linter.checkAndClassify(o);
            problems.addAll(checked.verdict().problems());
            var c = checked.classification();
            boolean valid = checked.verdict().valid() && c.complete();
            desired.add(valid ? DesiredObject.valid(o.object().ref(), c.tenant(), c.type(), o.object().groups())
                    : DesiredObject.invalid(o.object().ref(), c.tenant(), c.type()));
        }
        loaded.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst().ifPresent(p ->
                desired.add(DesiredObject.invalid(
                        new ObjectRef(UNREADABLE_FILE, "", loaded.file(), "", p.position()), null, null)));
        problems.sort(Comparator.comparing(Problem::position).thenComparing(Problem::check));
        return new FileOutcome(desired, problems, loaded.ruleCount());
    }
}
