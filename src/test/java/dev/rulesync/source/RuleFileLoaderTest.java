package dev.rulesync.source;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RuleFileLoaderTest {

    private final RuleFileLoader loader = new RuleFileLoader();

    @Test
    void readsAPrometheusRuleWithPositions() {
        String yaml = """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: api
                  namespace: team-a
                  uid: 1234
                  labels: {tenant: team-a, type: metrics}
                  annotations:
                    note: x
                spec:
                  groups:
                  - name: api
                    interval: 1m
                    limit: 5
                    rules:
                    - alert: High
                      expr: up == 0
                      for: 5m
                      labels:
                        severity: page
                      annotations:
                        summary: down
                """;
        LoadResult r = loader.load("a.yaml", yaml);
        assertThat(r.problems()).isEmpty();
        LoadedObject o = r.objects().getFirst();
        // uid: 1234 is an integer in YAML, and metadata.uid must be a string
        assertThat(o.problems()).extracting(Problem::check).containsExactly("yaml/schema");
        assertThat(o.problems().getFirst().position()).isEqualTo(new Position("a.yaml", 6, 8));
        ObjectRef ref = o.object().ref();
        assertThat(ref.kind()).isEqualTo("PrometheusRule");
        assertThat(ref.toString()).isEqualTo("PrometheusRule(team-a/api)");
        assertThat(o.object().labels()).containsEntry("tenant", "team-a");
        assertThat(o.origin().fields()).containsEntry("value:metadata.labels.type", new Position("a.yaml", 7, 34));
        RuleGroup g = o.object().groups().getFirst();
        assertThat(g.interval()).isEqualTo("1m");
        assertThat(g.limit()).isEqualTo(5);
        assertThat(g.origin().at()).isEqualTo(new Position("a.yaml", 12, 5));
        assertThat(g.origin().field("interval")).isEqualTo(new Position("a.yaml", 13, 15));
        Rule rule = g.rules().getFirst();
        assertThat(rule.alert()).isEqualTo("High");
        assertThat(rule.forDuration()).isEqualTo("5m");
        assertThat(rule.origin().at()).isEqualTo(new Position("a.yaml", 16, 7));
        assertThat(rule.origin().field("expr")).isEqualTo(new Position("a.yaml", 17, 13));
        assertThat(rule.origin().field("for")).isEqualTo(new Position("a.yaml", 18, 12));
        assertThat(rule.origin().field("labels.severity")).isEqualTo(new Position("a.yaml", 20, 9));
        assertThat(rule.origin().field("annotations.summary")).isEqualTo(new Position("a.yaml", 22, 9));
        assertThat(rule.origin().field("value:annotations.summary")).isEqualTo(new Position("a.yaml", 22, 18));
    }

    @Test
    void readsListsAndManyDocumentsAndSkipsOtherKinds() {
        String one = "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: %s}\nspec: {groups: []}\n";
        String yaml = "apiVersion: v1\nkind: List\nitems:\n- " + one.formatted("a").replace("\n", "\n  ").trim()
                + "\n---\n" + one.formatted("b") + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n---\n";
        LoadResult r = loader.load("m.yaml", yaml);
        assertThat(r.problems()).isEmpty();
        assertThat(r.objects()).extracting(o -> o.object().ref().name()).containsExactly("a", "b");
        assertThat(r.objects()).allMatch(o -> o.problems().isEmpty());
    }

    @Test
    void plainRuleFilesAreLenientAboutScalarTypes() {
        LoadResult r = loader.load("p.yaml", "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: 1\n    labels: {n: 5, m: true}\n");
        LoadedObject o = r.objects().getFirst();
        assertThat(o.problems()).isEmpty();
        assertThat(o.object().ref().kind()).isEqualTo(ObjectRef.RULE_FILE);
        assertThat(o.object().groups().getFirst().rules().getFirst().labels()).containsEntry("n", "5").containsEntry("m", "true");
    }

    @Test
    void badYamlIsAProblemNotACrash() {
        LoadResult r = loader.load("bad.yaml", "groups:\n- name: [\n");
        assertThat(r.objects()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.check()).isEqualTo("yaml/syntax");
            assertThat(p.position().file()).isEqualTo("bad.yaml");
            assertThat(p.position().line()).isEqualTo(3);
        });
    }

    @Test
    void aDocumentBeforeBadYamlIsStillRead() {
        LoadResult r = loader.load("x.yaml", "groups: []\n---\ngroups: [\n");
        assertThat(r.objects()).hasSize(1);
        assertThat(r.problems()).extracting(Problem::check).containsExactly("yaml/syntax");
    }

    @Test
    void scalarsAtTheTopAndEmptyFilesAreHandled() {
        assertThat(loader.load("e.yaml", "").objects()).isEmpty();
        assertThat(loader.load("e.yaml", "").problems()).isEmpty();
        assertThat(loader.load("s.yaml", "just text\n").problems()).extracting(Problem::check).containsExactly("yaml/schema");
    }

    @Test
    void collectionsNestedPastTheLimitAreAProblemAtTheFirstTooDeepOne() {
        int depth = RuleFileLoader.MAX_YAML_NESTING;
        // the top mapping is level 1, so the list opened at column 9 + (depth - 1) is the first one too deep
        LoadResult r = loader.load("deep.yaml", "groups: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");
        assertThat(r.objects()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.check()).isEqualTo("yaml/syntax");
            assertThat(p.message()).isEqualTo("invalid YAML: mappings and lists nest deeper than " + depth + " levels");
            assertThat(p.position()).isEqualTo(new Position("deep.yaml", 1, 9 + depth - 1));
        });
        LoadResult flowMaps = loader.load("deep.yaml", "a:\n  " + "{b: ".repeat(50_000) + "}".repeat(50_000) + "\n");
        assertThat(flowMaps.problems()).extracting(Problem::message)
                .containsExactly("invalid YAML: mappings and lists nest deeper than " + depth + " levels");
    }

    @Test
    void collectionsAtTheLimitAreRead() {
        int lists = RuleFileLoader.MAX_YAML_NESTING - 1;
        LoadResult r = loader.load("ok.yaml", "groups: " + "[".repeat(lists) + "]".repeat(lists) + "\n");
        assertThat(r.problems()).isEmpty();
        // read as YAML; what the document means is the schema's business
        assertThat(r.objects()).singleElement().satisfies(o ->
                assertThat(o.problems()).extracting(Problem::check).containsOnly("yaml/schema"));
    }

    @Test
    void aFileThatIsNotUtf8IsOneProblemAtItsFirstBadByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        byte[] head = "groups:\n- name: caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n  rules: []\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(head);
        bytes.write(0xE9); // é in ISO-8859-1: not UTF-8
        bytes.write(tail);
        Files.write(file, bytes.toByteArray());
        LoadResult r = loader.load(file);
        assertThat(r.objects()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.check()).isEqualTo("yaml/syntax");
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.position()).isEqualTo(new Position(file.toString(), 2, 12));
            assertThat(p.message()).isEqualTo("the file is not valid UTF-8: byte 0xE9 at byte offset " + head.length
                    + " (rule files must be UTF-8)");
        });
    }
}
