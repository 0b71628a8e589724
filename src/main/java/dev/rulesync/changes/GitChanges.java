package dev.rulesync.changes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed on the current branch since it forked from a ref, as {@code pint ci} counts it: the changes between
 * the merge base of the ref and HEAD and the working tree (so committed, staged and unstaged edits), plus untracked
 * files. Asks the git command line, which every CI runner has, instead of reading the repository itself.
 */
public final class GitChanges {

    /** {@code @@ -a,b +c,d @@}: the new side's first line and line count (count 1 when absent). */
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

    private GitChanges() {
    }

    /**
     * @param ref   a branch, tag or commit, e.g. {@code origin/main}
     * @param paths the paths being linted; they must lie in one git working tree
     * @throws IOException with git's own message when git is missing, a path is not in a working tree, or the ref
     *                     is unknown or shares no history with HEAD (a shallow clone)
     */
    public static ChangedLines since(String ref, List<Path> paths) throws IOException {
        if (ref.isBlank() || ref.startsWith("-")) throw new IOException("not a git ref: '" + ref + "'");
        Path first = paths.getFirst().toAbsolutePath();
        Path dir = Files.isDirectory(first) ? first : first.getParent();
        Path top = Path.of(git(dir, "rev-parse", "--show-toplevel").strip()).toRealPath();
        String base;
        try {
            base = git(top, "merge-base", ref, "HEAD").strip();
        } catch (IOException e) {
            throw new IOException(e.getMessage() + " (a shallow clone lacks the history: fetch it first, e.g. "
                    + "actions/checkout with fetch-depth: 0)", e);
        }
        List<String> specs = new ArrayList<>();
        for (Path p : paths) {
            Path real = p.toRealPath();
            if (!real.startsWith(top)) throw new IOException(p + " is not inside the git working tree " + top);
            specs.add(":(top,literal)" + (real.equals(top) ? "." : top.relativize(real).toString()));
        }
        List<String> diff = new ArrayList<>(List.of("-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff",
                "--no-textconv", "--no-renames", "--no-relative", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/",
                base, "--"));
        diff.addAll(specs);
        Map<Path, BitSet> lines = parseDiff(git(top, diff.toArray(String[]::new)), top);
        List<String> untracked = new ArrayList<>(List.of("ls-files", "--others", "--exclude-standard", "-z", "--"));
        untracked.addAll(specs);
        Set<Path> whole = new HashSet<>();
        for (String name : git(top, untracked.toArray(String[]::new)).split("\0")) {
            if (!name.isEmpty()) whole.add(top.resolve(name).normalize());
        }
        return new ChangedLines(base, lines, whole);
    }

    /** The new-side lines of each file in a {@code --unified=0} diff, by absolute path under {@code top}. */
    static Map<Path, BitSet> parseDiff(String diff, Path top) {
        Map<Path, BitSet> out = new HashMap<>();
        BitSet current = null;
        for (String line : diff.split("\n")) {
            if (line.startsWith("diff --git ")) {
                current = null;
            } else if (line.startsWith("+++ ")) {
                String name = fileName(line.substring(4));
                current = name == null ? null : out.computeIfAbsent(top.resolve(name).normalize(), k -> new BitSet());
            } else if (current != null && line.startsWith("@@ ")) {
                Matcher m = HUNK.matcher(line);
                if (!m.find()) continue;
                int start = Integer.parseInt(m.group(1));
                int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                if (count == 0) {
                    // lines removed after line `start`: the text on both sides of the cut changed its neighbourhood
                    current.set(Math.max(start, 1));
                    current.set(start + 1);
                } else {
                    current.set(start, start + count);
                }
            }
        }
        out.values().removeIf(BitSet::isEmpty);
        return out;
    }

    /** The path in a {@code +++} line, without its {@code b/} prefix; null for {@code /dev/null} (a deleted file). */
    static String fileName(String s) {
        String name;
        if (s.startsWith("\"")) {
            name = unquote(s);
        } else {
            // git ends a name holding a space with a tab, for patch(1)
            name = s.endsWith("\t") ? s.substring(0, s.length() - 1) : s;
        }
        if (name.equals("/dev/null")) return null;
        return name.startsWith("b/") ? name.substring(2) : name;
    }

    /** A name git quoted C-style (it holds a quote, a backslash or a control character); octal escapes are bytes. */
    static String unquote(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int end = s.lastIndexOf('"');
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'v' -> bytes.write(11);
                case '0', '1', '2', '3' -> {
                    bytes.write(Integer.parseInt(s.substring(i, i + 3), 8));
                    i += 2;
                }
                default -> bytes.write(e);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs git in {@code dir} and returns its standard output; a failure carries git's own message. */
    private static String git(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "--no-pager"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new IOException("cannot run git: " + e.getMessage(), e);
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
        if (code != 0) {
            String msg = err.join().strip();
            // the command as a user would type it: without the -c settings and the path list
            List<String> shown = new ArrayList<>(List.of(args));
            if (shown.getFirst().equals("-c")) shown = shown.subList(2, shown.size());
            if (shown.contains("--")) shown = shown.subList(0, 1);
            throw new IOException("git " + String.join(" ", shown) + " failed"
                    + (msg.isEmpty() ? " (exit " + code + ")" : ": " + msg));
        }
        return out;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
