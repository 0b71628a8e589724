package dev.rulesync.changes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real git repository in a temporary directory, driven through the git command line as a user would. */
public final class GitRepo {

    private final Path dir;

    private GitRepo(Path dir) {
        this.dir = dir;
    }

    /** A new repository on branch {@code main}, with an identity of its own (no global git configuration needed). */
    public static GitRepo init(Path dir) throws IOException {
        GitRepo repo = new GitRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.name", "rule-sync test");
        repo.git("config", "user.email", "test@rule-sync.invalid");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    public Path dir() {
        return dir;
    }

    public Path write(String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    public void commitAll(String message) throws IOException {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    public String git(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", args) + ": " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
