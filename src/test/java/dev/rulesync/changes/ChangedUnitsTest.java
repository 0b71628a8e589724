package dev.rulesync.changes;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Severity;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.RuleFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which unit (file, object, group, rule) a line belongs to, and which problems a change makes reportable. */
class ChangedUnitsTest {

    private static final String FILE = """
            # a comment above everything                     1
            groups:
              - name: g1
                interval: 1m
                rules:
                  - alert: A
                    expr: up == 0
                  - alert: B
                    expr: up == 0
                labels:
                  team: x
              - name: g2
                rules:
                  - record: r
                    expr: up
            """;

    private static final ObjectRef OBJECT = new ObjectRef(ObjectRef.RULE_FILE, null, "r.yaml", null);

    /** A problem of a rule at {@code line} (a rule check's problem names its object, group and rule). */
    private static Problem at(Path file, int line) {
        return new Problem(new Position(file.toString(), line, 1), Severity.ERROR, "test/x", "x", OBJECT, "g", "r");
    }

    /** A problem of the file itself (invalid YAML): it names no object. */
    private static Problem fileProblem(Path file, int line) {
        return new Problem(new Position(file.toString(), line, 1), Severity.ERROR, "yaml/syntax", "x", null, null, null);
    }

    private static ChangedUnits changed(Path file, int... lines) throws IOException {
        BitSet b = new BitSet();
        for (int l : lines) b.set(l);
        LoadResult loaded = new RuleFileLoader().load(file);
        return new ChangedUnits(new ChangedLines("base", Map.of(file.toRealPath(), b), Set.of()), List.of(loaded));
    }

    @Test
    void aRulesChangeReportsItAndTheUnitsAroundItButNotItsSiblings(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("r.yaml"), FILE);
        ChangedUnits c = changed(f, 9);                // B's expr
        assertThat(c.test(at(f, 8))).as("B").isTrue();
        assertThat(c.test(at(f, 6))).as("A, its sibling").isFalse();
        assertThat(c.test(at(f, 3))).as("g1, around it").isTrue();
        assertThat(c.test(at(f, 12))).as("g2").isFalse();
        assertThat(c.test(fileProblem(f, 1))).as("the file: something in it changed").isTrue();
    }

    @Test
    void aGroupFieldWrittenAfterItsRulesBelongsToTheGroup(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("r.yaml"), FILE);
        ChangedUnits c = changed(f, 11);               // g1's labels, after its rules
        assertThat(c.test(at(f, 6))).as("A, below the changed group").isTrue();
        assertThat(c.test(at(f, 8))).as("B, below the changed group").isTrue();
        assertThat(c.test(at(f, 14))).as("g2's rule").isFalse();
    }

    @Test
    void aChangeOutsideEveryObjectReportsOnlyFileLevelProblems(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("r.yaml"), FILE);
        ChangedUnits c = changed(f, 1);                // the comment
        assertThat(c.test(at(f, 6))).isFalse();
        assertThat(c.test(fileProblem(f, 5))).isTrue();
        assertThat(changed(f).test(fileProblem(f, 1))).as("nothing changed").isFalse();
    }

    @Test
    void aCrossFileProblemIsReportedWhenEitherSideChanged(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.yaml"), FILE);
        Path b = Files.writeString(dir.resolve("b.yaml"), FILE);
        BitSet changedB = new BitSet();
        changedB.set(14);                              // b.yaml's rule r
        RuleFileLoader loader = new RuleFileLoader();
        ChangedUnits c = new ChangedUnits(new ChangedLines("base", Map.of(b.toRealPath(), changedB), Set.of()),
                List.of(loader.load(a), loader.load(b)));
        Problem duplicate = new Problem(new Position(a.toString(), 14, 9), Severity.WARNING, "rule/duplicate",
                "also in b.yaml", null, "g2", "r", Position.UNKNOWN, List.of(new Position(b.toString(), 14, 9)));
        assertThat(c.test(duplicate)).isTrue();
        assertThat(c.test(new Problem(duplicate.position(), Severity.WARNING, "rule/duplicate", "x", null, "g2", "r")))
                .as("without the other side").isFalse();
        assertThat(c.test(new Problem(duplicate.position(), Severity.WARNING, "rule/duplicate", "x", null, "g2", "r",
                Position.UNKNOWN, List.of(new Position(b.toString(), 6, 9))))).as("the other side unchanged").isFalse();
    }

    @Test
    void aNewFileIsChangedAsAWhole(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("r.yaml"), FILE);
        ChangedUnits c = new ChangedUnits(new ChangedLines("base", Map.of(), Set.of(f.toRealPath())),
                List.of(new RuleFileLoader().load(f)));
        assertThat(c.test(at(f, 6))).isTrue();
        assertThat(c.test(at(f, 14))).isTrue();
    }
}
