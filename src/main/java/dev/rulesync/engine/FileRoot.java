package dev.rulesync.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory plain rule files are named relative to: {@code {path}} in a naming template is a file's path below
 * it. The root is stated, never guessed from the way the files were named on the command line, so a file has one
 * remote name whether the command got its directory, the file itself, a {@code ./}-prefixed or an absolute path, or
 * ran from another working directory. Otherwise a second run named differently would create every group again
 * under a new name (duplicate rules), or, pruning, delete and re-create them and reset their alerts.
 *
 * <p>The root is {@code --root} / {@code rulesync.files.root} when set (relative to the working directory), else
 * the top of the git work tree the first path is in: the one directory every clone and CI checkout agrees on.
 * Outside a git work tree with no root set there is no stated root, and plain rule files cannot be named (a usage
 * error telling to set one); PrometheusRule objects are named by their metadata and need no root.
 *
 * @param dir        the root, as a real path (symbolic links resolved), or null when there is none
 * @param source     how the root was found, for messages ({@code the git work tree of rules/})
 * @param workingDir the directory relative file paths are resolved against
 */
public record FileRoot(Path dir, String source, Path workingDir) {

    /**
     * @param configured {@code rulesync.files.root}, or null
     * @param paths      the paths given to the command, as given
     * @param workingDir the directory relative paths are resolved against
     * @throws java.nio.file.NoSuchFileException when the configured root does not exist
     */
    public static FileRoot resolve(Path configured, List<Path> paths, Path workingDir) throws IOException {
        if (configured != null) {
            Path dir = workingDir.resolve(configured).toRealPath();
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException("root " + configured + " is not a directory");
            return new FileRoot(dir, "the root " + configured, workingDir);
        }
        if (paths.isEmpty()) return new FileRoot(null, "no path given", workingDir);
        Path first = paths.getFirst();
        Path real = workingDir.resolve(first).toRealPath();
        for (Path d = Files.isDirectory(real) ? real : real.getParent(); d != null; d = d.getParent()) {
            // a work tree's top holds .git: a directory, or a file in linked work trees and submodules
            if (Files.exists(d.resolve(".git"))) return new FileRoot(d, "the git work tree of " + first, workingDir);
        }
        return new FileRoot(null, first + " is not inside a git work tree and no root is set", workingDir);
    }

    /**
     * A file's path below the root, segments joined by '/': the name its {@code {path}} placeholder renders from.
     *
     * @param file the file as the command found it (relative to the working directory, or absolute)
     * @throws IllegalArgumentException when there is no root or the file lies outside it; the message says how to
     *                                  state one
     */
    public String relative(Path file) throws IOException {
        if (dir == null) {
            throw new IllegalArgumentException("plain rule file " + file + " cannot be named: " + source
                    + "; set --root DIR (rulesync.files.root), the directory its remote names are relative to");
        }
        Path abs = workingDir.resolve(file);
        // the directory's symbolic links are resolved like the root's; the file's own name is kept, so a file and
        // a link to it in the same tree are named by where they sit, as a directory walk finds them
        Path parent = abs.getParent() == null ? workingDir : abs.getParent();
        Path real = parent.toRealPath().resolve(abs.getFileName());
        if (!real.startsWith(dir)) {
            throw new IllegalArgumentException("plain rule file " + file + " is outside " + source + " (" + dir
                    + "); its remote name would depend on how the command was called. Set --root DIR "
                    + "(rulesync.files.root) to a directory that holds every rule file");
        }
        List<String> segments = new ArrayList<>();
        dir.relativize(real).forEach(s -> segments.add(s.toString()));
        return String.join("/", segments);
    }
}
