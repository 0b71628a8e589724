package dev.rulesync.cli;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Severity;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.source.LoadResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private final Linter linter;

    public FilePipeline(Linter linter) {
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
        List<Linter.CheckedFile> files = linter.checkFiles(paths);
        List<DesiredObject> desired = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int rules = 0;
        for (Linter.CheckedFile f : files) {
            desired.addAll(desired(f));
            problems.addAll(f.problems());
            rules += f.loaded().ruleCount();
        }
        return new Result(desired, problems, files.size(), rules);
    }

    private static List<DesiredObject> desired(Linter.CheckedFile file) {
        List<DesiredObject> desired = new ArrayList<>();
        for (Linter.CheckedObject o : file.objects()) {
            var c = o.checked().classification();
            var ref = o.object().object().ref();
            boolean valid = o.checked().verdict().valid() && c.complete();
            desired.add(valid ? DesiredObject.valid(ref, c.tenant(), c.type(), o.object().object().groups())
                    : DesiredObject.invalid(ref, c.tenant(), c.type()));
        }
        LoadResult loaded = file.loaded();
        loaded.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst().ifPresent(p ->
                desired.add(DesiredObject.invalid(
                        new ObjectRef(UNREADABLE_FILE, "", loaded.file(), "", p.position()), null, null)));
        return desired;
    }
}
