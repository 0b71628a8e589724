package dev.rulesync.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileRootTest {

    @TempDir
    Path tmp;
    Path repo;
    Path file;

    @BeforeEach
    void tree() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectory(repo.resolve(".git"));
        file = Files.createDirectories(repo.resolve("rules/team a")).resolve("api.yaml");
        Files.writeString(file, "groups: []\n");
    }

    private String name(Path workingDir, Path given, Path file) throws IOException {
        return FileRoot.resolve(null, List.of(given), workingDir).relative(file);
    }

    @Test
    void aFileHasOneNameHoweverTheCommandNamesIt() throws IOException {
        Path rules = repo.resolve("rules");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), rules);
        String expected = "rules/team a/api.yaml";

        assertThat(name(repo, Path.of("rules"), Path.of("rules/team a/api.yaml"))).isEqualTo(expected);
        assertThat(name(repo, Path.of("./rules/team a/api.yaml"), Path.of("./rules/team a/api.yaml")))
                .isEqualTo(expected);
        assertThat(name(rules, Path.of("."), Path.of("./team a/api.yaml"))).isEqualTo(expected);
        assertThat(name(rules.resolve("team a"), Path.of("api.yaml"), Path.of("api.yaml"))).isEqualTo(expected);
        assertThat(name(tmp, file, file)).isEqualTo(expected);
        assertThat(name(tmp, Path.of("link"), Path.of("link/team a/api.yaml"))).as("through a symbolic link")
                .isEqualTo(expected);
        assertThat(name(link, Path.of("."), Path.of("team a/api.yaml"))).isEqualTo(expected);
    }

    @Test
    void aLinkedWorkTreesGitFileMarksItsTopToo() throws IOException {
        Path worktree = Files.createDirectories(tmp.resolve("wt/rules"));
        Files.writeString(tmp.resolve("wt/.git"), "gitdir: /elsewhere/.git/worktrees/wt\n");
        Path f = Files.writeString(worktree.resolve("a.yaml"), "groups: []\n");

        assertThat(name(worktree, Path.of("."), Path.of("a.yaml"))).isEqualTo("rules/a.yaml");
        assertThat(name(tmp, f, f)).isEqualTo("rules/a.yaml");
    }

    @Test
    void aConfiguredRootWinsAndIsRelativeToTheWorkingDirectory() throws IOException {
        FileRoot root = FileRoot.resolve(Path.of("rules"), List.of(Path.of("rules/team a")), repo);

        assertThat(root.relative(Path.of("rules/team a/api.yaml"))).isEqualTo("team a/api.yaml");
        assertThat(FileRoot.resolve(repo.resolve("rules"), List.of(file), tmp).relative(file))
                .isEqualTo("team a/api.yaml");
        assertThatThrownBy(() -> FileRoot.resolve(Path.of("missing"), List.of(file), repo))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void outsideAGitWorkTreeAPlainRuleFileNeedsAStatedRoot() throws IOException {
        Path loose = Files.createDirectories(tmp.resolve("loose"));
        Path f = Files.writeString(loose.resolve("a.yaml"), "groups: []\n");
        FileRoot none = FileRoot.resolve(null, List.of(Path.of("loose")), tmp);

        assertThat(none.dir()).isNull();
        assertThatThrownBy(() -> none.relative(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain rule file " + f + " cannot be named: loose is not inside a git work tree")
                .hasMessageContaining("set --root DIR (rulesync.files.root)");
        assertThat(FileRoot.resolve(Path.of("loose"), List.of(Path.of("loose")), tmp).relative(f)).isEqualTo("a.yaml");
    }

    @Test
    void aFileOutsideTheRootIsAUsageErrorNotAnotherName() throws IOException {
        Path elsewhere = Files.writeString(tmp.resolve("x.yaml"), "groups: []\n");
        FileRoot root = FileRoot.resolve(null, List.of(repo.resolve("rules")), tmp);

        assertThatThrownBy(() -> root.relative(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain rule file " + elsewhere + " is outside the git work tree of "
                        + repo.resolve("rules"))
                .hasMessageContaining("Set --root DIR");
    }
}
