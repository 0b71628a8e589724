package dev.rulesync.cli;

import dev.rulesync.changes.GitRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lint --changed-since} on a real git repository: the whole tree is read, only what changed on the branch is
 * reported. Each file holds defects from the start, so a test passes only when the unchanged ones stay silent.
 */
class LintChangedSinceTest {

    @TempDir
    Path dir;

    private GitRepo repo;

    /** A PrometheusRule with two groups; {@code forA} and {@code forB} are the `for` of the two alerts of group g1. */
    private static String object(String name, String tenantLabel, String forA, String forB) {
        return """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: %s
                  namespace: team
                  labels:
                    %s: team
                    type: metrics
                spec:
                  groups:
                    - name: g1
                      rules:
                        - alert: A
                          expr: up == 0
                          for: %s
                        - alert: B
                          expr: up == 0
                          for: %s
                    - name: g2
                      rules:
                        - record: job:up:sum
                          expr: sum by (job) (up)
                """.formatted(name, tenantLabel, forA, forB);
    }

    @BeforeEach
    void aRepositoryWithDefectsOnMain() throws IOException {
        repo = GitRepo.init(dir);
        repo.write("rules/a.yaml", object("a", "tenant", "5 min", "5m"));   // line 15: A's bad `for`
        repo.write("rules/b.yaml", object("b", "tenant", "5 min", "5m"));
        repo.commitAll("rules with a defect each");
        repo.git("checkout", "-q", "-b", "feature");
    }

    private CliRunner.Result lint(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "lint";
        args[1] = "--changed-since";
        args[2] = "main";
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[args.length - 1] = dir.resolve("rules").toString();
        return CliRunner.run(args);
    }

    @Test
    void nothingChangedReportsNothingThoughTheTreeHasDefects() {
        CliRunner.Result r = lint();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("no problems in 2 files, 2 objects, 6 rules\n");
        assertThat(r.err()).contains("changed since main", "0 of 2 files changed");
        assertThat(CliRunner.run("lint", dir.resolve("rules").toString()).exit()).as("without the option").isEqualTo(1);
    }

    @Test
    void aChangedRuleIsReportedAndItsUnchangedNeighbourIsNot() throws IOException {
        repo.write("rules/a.yaml", object("a", "tenant", "5 min", "10 min"));   // B's `for` broken too
        repo.commitAll("break B");
        CliRunner.Result r = lint();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines().filter(l -> l.contains("[alerts/for]")).toList())
                .containsExactly(dir.resolve("rules/a.yaml") + ":18:16: error: `for` \"10 min\" is not a valid duration "
                        + "(e.g. 30s, 5m, 1h30m; units y w d h m s ms, largest first) [alerts/for]");
    }

    @Test
    void uncommittedAndUntrackedFilesCount() throws IOException {
        repo.write("rules/b.yaml", object("b", "tenant", "5 min", "1 h"));      // uncommitted
        repo.write("rules/new.yaml", object("new", "tenant", "5m", "2 d"));   // untracked: all of it is new
        CliRunner.Result r = lint("--format", "github");
        assertThat(r.out()).contains("rules/b.yaml,line=18,").contains("rules/new.yaml,line=18,")
                .doesNotContain("rules/b.yaml,line=15,").doesNotContain("file=" + dir.resolve("rules/a.yaml") + ",");
    }

    @Test
    void aChangeToAnObjectsOwnLinesReportsTheProblemsOfEveryRuleInIt() throws IOException {
        // the tenant label key changes: the object (not a rule) changed, so its rules' problems are its business
        repo.write("rules/a.yaml", object("a", "owner", "5 min", "5m"));
        CliRunner.Result r = lint();
        assertThat(r.out()).contains("a.yaml:15:16: error: `for`").contains("[object/tenant]").doesNotContain("b.yaml");
    }

    @Test
    void aGroupProblemIsReportedWhenOneOfItsRulesChanged() throws IOException {
        repo.write("rules/a.yaml", object("a", "tenant", "5 min", "6m"));
        CliRunner.Result r = lint("--max-rules-per-group", "1");
        // group/size sits at the group's rule list, inside its first (unchanged) rule: it is still the group's
        assertThat(r.out().lines().filter(l -> l.contains("[group/size]")).toList())
                .containsExactly(dir.resolve("rules/a.yaml") + ":13:9: error: the group has 2 rules; the ruler "
                        + "accepts at most 1 per group [group/size]");
        assertThat(r.out()).doesNotContain("a.yaml:15:").doesNotContain("b.yaml:13:9:").doesNotContain("b.yaml:15:");
    }

    @Test
    void aProblemAcrossFilesIsReportedWhenItsOtherSideChanged() throws IOException {
        // b.yaml is a copy of a.yaml: each of its alerts duplicates a.yaml's; only a.yaml's alert B changes
        repo.write("rules/a.yaml", object("a", "tenant", "5 min", "6m"));
        CliRunner.Result r = lint();
        assertThat(r.out().lines().filter(l -> l.contains("[rule/duplicate]")).toList()).singleElement().asString()
                .startsWith(dir.resolve("rules/b.yaml") + ":16:18: warning: alert \"B\" is the same as the one at "
                        + dir.resolve("rules/a.yaml") + ":16:18");
    }

    @Test
    void changesOnTheRefAfterTheForkAreNotTheBranchs() throws IOException {
        repo.git("checkout", "-q", "main");
        repo.write("rules/b.yaml", object("b", "tenant", "5 min", "7 min"));
        repo.commitAll("main moves on");
        repo.git("checkout", "-q", "feature");
        assertThat(lint().exit()).isZero();
    }

    @Test
    void aRefGitDoesNotKnowIsAnErrorWithGitsMessage() {
        CliRunner.Result r = CliRunner.run("lint", "--changed-since", "origin/nowhere", dir.resolve("rules").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("rule-sync lint: git merge-base origin/nowhere HEAD failed");
    }
}
