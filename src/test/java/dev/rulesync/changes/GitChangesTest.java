package dev.rulesync.changes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What git says changed since a ref, read from real repositories and from diff text. */
class GitChangesTest {

    private static final String FIVE = "a\nb\nc\nd\ne\n";

    private static BitSet lines(int... ns) {
        BitSet b = new BitSet();
        for (int n : ns) b.set(n);
        return b;
    }

    @Test
    void changesOnTheBranchSinceItForkedAreCountedNotThoseOnTheRef(@TempDir Path dir) throws IOException {
        GitRepo repo = GitRepo.init(dir);
        repo.write("rules/a.yaml", FIVE);
        repo.write("rules/b.yaml", FIVE);
        repo.commitAll("base");
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("rules/a.yaml", "a\nB\nc\nd\ne\n");            // committed on the branch: line 2
        repo.commitAll("edit a");
        repo.git("checkout", "-q", "main");
        repo.write("rules/b.yaml", "a\nb\nc\nd\nE\n");            // main moved on after the fork
        repo.commitAll("edit b on main");
        repo.git("checkout", "-q", "feature");
        repo.write("rules/a.yaml", "a\nB\nc\nD\ne\n");            // not committed: line 4
        repo.write("rules/new.yaml", "x\n");                       // untracked

        ChangedLines c = GitChanges.since("main", List.of(dir.resolve("rules")));
        Path root = dir.toRealPath();
        assertThat(c.lines()).containsOnlyKeys(root.resolve("rules/a.yaml"));
        assertThat(c.lines(root.resolve("rules/a.yaml"))).isEqualTo(lines(2, 4));
        assertThat(c.whole()).containsExactly(root.resolve("rules/new.yaml"));
        assertThat(c.changed(root.resolve("rules/b.yaml"))).as("changed on main only").isFalse();
        assertThat(c.changed(root.resolve("rules/a.yaml"), 3, 4)).isFalse();
        assertThat(c.changed(root.resolve("rules/a.yaml"), 3, 5)).isTrue();
        assertThat(c.base()).isEqualTo(repo.git("merge-base", "main", "HEAD").strip());
        assertThat(c.files()).isEqualTo(2);
    }

    @Test
    void onlyTheGivenPathsAreDiffed(@TempDir Path dir) throws IOException {
        GitRepo repo = GitRepo.init(dir);
        repo.write("rules/a.yaml", FIVE);
        repo.write("other/b.yaml", FIVE);
        repo.commitAll("base");
        repo.write("rules/a.yaml", "x\n" + FIVE);
        repo.write("other/b.yaml", "x\n" + FIVE);
        repo.write("other/c.yaml", "x\n");
        ChangedLines c = GitChanges.since("HEAD", List.of(dir.resolve("rules/a.yaml")));
        assertThat(c.lines()).containsOnlyKeys(dir.toRealPath().resolve("rules/a.yaml"));
        assertThat(c.whole()).isEmpty();
    }

    @Test
    void anUnknownRefOrAPathOutsideARepositoryIsAnErrorWithGitsMessage(@TempDir Path dir) throws IOException {
        Path outside = dir.resolve("plain");
        java.nio.file.Files.createDirectories(outside);
        Path repoDir = dir.resolve("repo");
        java.nio.file.Files.createDirectories(repoDir);
        GitRepo repo = GitRepo.init(repoDir);
        repo.write("a.yaml", FIVE);
        repo.commitAll("base");
        assertThatThrownBy(() -> GitChanges.since("no-such-branch", List.of(repoDir)))
                .hasMessageContaining("git merge-base no-such-branch HEAD failed").hasMessageContaining("fetch-depth");
        assertThatThrownBy(() -> GitChanges.since("main", List.of(outside))).hasMessageContaining("git rev-parse");
        assertThatThrownBy(() -> GitChanges.since("--output=x", List.of(repoDir))).hasMessageContaining("not a git ref");
    }

    @Test
    void diffHunksGiveTheNewSidesLinesAndADeletionMarksItsNeighbours() {
        Path top = Path.of("/repo");
        String diff = """
                diff --git a/x.yaml b/x.yaml
                --- a/x.yaml
                +++ b/x.yaml
                @@ -3 +3 @@ old
                @@ -10,0 +11,2 @@
                @@ -20,3 +21,0 @@
                diff --git a/gone.yaml b/gone.yaml
                --- a/gone.yaml
                +++ /dev/null
                @@ -1,2 +0,0 @@
                diff --git a/my file.yaml b/my file.yaml
                +++ b/my file.yaml\t
                @@ -0,0 +1 @@
                diff --git "a/q\\"u\\303\\274.yaml" "b/q\\"u\\303\\274.yaml"
                +++ "b/q\\"u\\303\\274.yaml"
                @@ -1 +1 @@
                """;
        Map<Path, BitSet> lines = GitChanges.parseDiff(diff, top);
        assertThat(lines).containsOnlyKeys(top.resolve("x.yaml"), top.resolve("my file.yaml"), top.resolve("q\"uü.yaml"));
        assertThat(lines.get(top.resolve("x.yaml"))).isEqualTo(lines(3, 11, 12, 21, 22));
        assertThat(lines.get(top.resolve("my file.yaml"))).isEqualTo(lines(1));
    }
}
