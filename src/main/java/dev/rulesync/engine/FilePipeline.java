package dev.rulesync.engine;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;
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
 *
 * <p>Plain rule files are identified by their path below the {@link FileRoot} ({@code RuleFile(team-a/api.yaml)}),
 * not by the path the command was given, so their remote names do not depend on how the command was called.
 * Problems still point at the path as given, which is where the user finds the file.
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

    /**
     * Reads files and directories (recursively, *.yaml and *.yml); throws when a path cannot be read.
     *
     * @throws IllegalArgumentException when a plain rule file cannot be named below {@code root} (a usage error)
     */
    public Result load(List<Path> paths, FileRoot root) throws IOException {
        List<Linter.CheckedFile> files = linter.checkFiles(paths);
        List<DesiredObject> desired = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int rules = 0;
        for (Linter.CheckedFile f : files) {
            desired.addAll(desired(f, root));
            problems.addAll(f.problems());
            rules += f.loaded().ruleCount();
        }
        return new Result(desired, problems, files.size(), rules);
    }

    private static List<DesiredObject> desired(Linter.CheckedFile file, FileRoot root) throws IOException {
        List<DesiredObject> desired = new ArrayList<>();
        LoadResult loaded = file.loaded();
        String belowRoot = null;
        for (Linter.CheckedObject o : file.objects()) {
            var c = o.checked().classification();
            RuleObject object = o.object().object();
            ObjectRef ref = object.ref();
            if (ObjectRef.RULE_FILE.equals(ref.kind())) {
                if (belowRoot == null) belowRoot = root.relative(Path.of(loaded.file()));
                // the loader names a file's objects "<file>" or "<file>#<document>": keep the document part
                String document = ref.name().startsWith(loaded.file())
                        ? ref.name().substring(loaded.file().length()) : "";
                ref = new ObjectRef(ObjectRef.RULE_FILE, "", belowRoot + document, "");
            }
            boolean valid = o.checked().verdict().valid() && c.complete();
            DesiredObject d = valid ? DesiredObject.valid(ref, c.tenant(), c.type(), object.groups())
                    : DesiredObject.invalid(ref, c.tenant(), c.type());
            desired.add(d.withPosition(object.at()));
        }
        loaded.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst().ifPresent(p ->
                desired.add(DesiredObject.invalid(new ObjectRef(UNREADABLE_FILE, "", loaded.file(), ""), null, null)
                        .withPosition(p.position())));
        return desired;
    }
}
