package dev.rulesync.changes;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.Set;

/**
 * The lines of each file that changed, by the file's absolute, real path. A file that is new (untracked, or added
 * since the base) is changed as a whole.
 *
 * @param base  the commit the changes are counted from (the merge base), for messages
 * @param lines per changed file, its changed line numbers (1-based, the file's current lines); a deletion marks the
 *              lines on either side of it
 * @param whole files changed as a whole
 */
public record ChangedLines(String base, Map<Path, BitSet> lines, Set<Path> whole) {

    public ChangedLines {
        Map<Path, BitSet> some = new java.util.HashMap<>(lines);
        some.values().removeIf(BitSet::isEmpty);
        lines = Map.copyOf(some);
        whole = Set.copyOf(whole);
    }

    /** Whether anything in {@code file} (as given on a command line: relative, or through a link) changed. */
    public boolean changedFile(Path file) {
        return changed(real(file));
    }

    /** The absolute, real path git's paths are compared with; the normalised path when the file is gone. */
    static Path real(Path file) {
        Path p = file.toAbsolutePath().normalize();
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p;
        }
    }

    /** Whether anything in {@code file} (absolute and real) changed. */
    public boolean changed(Path file) {
        return whole.contains(file) || lines.containsKey(file);
    }

    /** Whether a line in {@code [from, to)} of {@code file} changed. */
    public boolean changed(Path file, int from, int to) {
        if (whole.contains(file)) return true;
        BitSet b = lines.get(file);
        if (b == null) return false;
        int next = b.nextSetBit(Math.max(from, 0));
        return next >= 0 && next < to;
    }

    /** The changed line numbers of {@code file}; empty for a file changed as a whole (see {@link #whole}). */
    public BitSet lines(Path file) {
        BitSet b = lines.get(file);
        return b == null ? new BitSet() : (BitSet) b.clone();
    }

    /** How many files changed. */
    public int files() {
        return (int) java.util.stream.Stream.concat(lines.keySet().stream(), whole.stream()).distinct().count();
    }
}
