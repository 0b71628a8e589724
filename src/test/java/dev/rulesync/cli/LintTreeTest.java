package dev.rulesync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole-tree stage and the file features through {@code lint}: duplicates by meaning across files, a
 * recording rule feeding another tenant, disable comments, spans and related places in every report format, and
 * the place of an error at the end of a block scalar.
 */
class LintTreeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path write(String name, String tenant, String type, String groups) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: %s
                  namespace: ns
                  labels:
                    tenant: %s
                    type: %s
                spec:
                  groups:
                %s""".formatted(name.replace(".yaml", ""), tenant, type, groups.indent(2)));
        return f;
    }

    private static List<String> problems(CliRunner.Result r) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : JSON.readTree(r.out()).get("problems")) {
            out.add(Path.of(p.get("path").asString()).getFileName() + " " + p.get("line").asInt() + ":"
                    + p.get("column").asInt() + " " + p.get("check").asString());
        }
        return out;
    }

    @Test
    void duplicatesByMeaningAcrossFilesOfOneTenantOnly() throws IOException {
        write("a.yaml", "t1", "metrics", """
                - name: g
                  rules:
                  - record: job:z:sum
                    expr: sum by (job) (z)
                """);
        write("b.yaml", "t1", "metrics", """
                - name: other
                  rules:
                  - record: job:z:sum
                    expr: |
                      sum by(job)(z)
                """);
        write("c.yaml", "t2", "metrics", """
                - name: g
                  rules:
                  - record: job:z:sum
                    expr: sum by (job) (z)
                """);
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", dir.toString());
        assertThat(problems(r)).containsExactly("b.yaml 13:15 rule/duplicate");
        JsonNode p = JSON.readTree(r.out()).get("problems").get(0);
        assertThat(p.get("related").get(0).get("path").asString()).endsWith("a.yaml");
        assertThat(p.get("related").get(0).get("line").asInt()).isEqualTo(13);
        assertThat(p.get("endColumn").asInt()).isEqualTo(24);
    }

    @Test
    void treeProblemsAreSwitchedOffByConfigurationAndByTheObjectsAnnotation() throws IOException {
        write("a.yaml", "t1", "metrics", """
                - name: g
                  rules:
                  - record: job:z:sum
                    expr: sum by (job) (z)
                """);
        Path b = write("b.yaml", "t1", "metrics", """
                - name: other
                  rules:
                  - record: job:z:sum
                    expr: sum by (job) (z)
                """);
        assertThat(problems(CliRunner.run("lint", "--format", "json", dir.toString())))
                .containsExactly("b.yaml 13:15 rule/duplicate");
        assertThat(problems(CliRunner.run("lint", "--format", "json", "--disable", "rule/duplicate",
                dir.toString()))).isEmpty();
        Files.writeString(b, Files.readString(b).replace("  labels:\n", "  annotations:\n    "
                + "rule-sync.dev/disable: rule/duplicate\n  labels:\n"));
        assertThat(problems(CliRunner.run("lint", "--format", "json", dir.toString()))).isEmpty();
    }

    @Test
    void aDifferentLabelOrExpressionIsNoDuplicate() throws IOException {
        write("a.yaml", "t1", "metrics", """
                - name: g
                  rules:
                  - record: job:z:sum
                    expr: sum by (job) (z)
                  - record: job:z:sum
                    expr: sum by (job) (z)
                    labels:
                      env: prod
                  - record: job:z:sum
                    expr: sum by (job) (z{env="x"})
                """);
        assertThat(problems(CliRunner.run("lint", "--format", "json", dir.toString()))).isEmpty();
    }

    @Test
    void recordingRuleOfAnotherTenantAndFederation() throws IOException {
        write("prod.yaml", "prod", "metrics", """
                - name: g
                  rules:
                  - record: job:up:sum
                    expr: sum by (job) (up)
                """);
        // a plain Mimir rule file: source_tenants (federated rules) is a Mimir group field the CRD lacks, and Mimir
        // takes it only with tenant federation on (a properties file: lint reads no rules from it)
        Path config = Files.writeString(dir.resolve("lint.properties"), "rulesync.lint.mimir.tenant-federation=true\n");
        Files.writeString(dir.resolve("stage.yaml"), """
                groups:
                - name: g
                  rules:
                  - alert: Down
                    expr: job:up:sum == 0
                - name: federated
                  source_tenants: [prod, stage]
                  rules:
                  - alert: Down2
                    expr: job:up:sum == 0
                """);
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", "--tenant", "stage", "--type", "metrics",
                "--config", config.toString(), dir.toString());
        assertThat(problems(r)).containsExactly("stage.yaml 5:11 rule/dependency");
        assertThat(problems(CliRunner.run("lint", "--format", "json", "--tenant", "stage", "--type", "metrics",
                dir.toString()))).as("federation off, as Mimir ships")
                .containsExactly("stage.yaml 5:11 rule/dependency", "stage.yaml 7:19 group/source-tenants");
        assertThat(JSON.readTree(r.out()).get("problems").get(0).get("related").get(0).get("path").asString())
                .endsWith("prod.yaml");
        assertThat(r.out()).contains("\"endColumn\" : 21");
    }

    @Test
    void disableCommentsOnARuleAGroupAndAFile() throws IOException {
        write("a.yaml", "t1", "metrics", """
                # rule-sync disable group/long-interval
                - name: slow
                  interval: 10m
                  rules:
                  # rule-sync disable alerts/comparison
                  - alert: A
                    expr: rate(x[5m])
                  - alert: B
                    expr: rate(x[5m])
                  - alert: C
                    expr: up{job=~"api"} == 0   # rule-sync disable promql/regexp
                    keep_firing_for: 10m
                  - alert: D
                    expr: up{job=~"api"} == 0
                """);
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", dir.toString());
        assertThat(problems(r)).containsExactly("a.yaml 19:13 alerts/comparison", "a.yaml 24:16 promql/regexp");
        Files.writeString(dir.resolve("a.yaml"), "# rule-sync file/disable alerts/comparison promql/regexp\n"
                + Files.readString(dir.resolve("a.yaml")));
        assertThat(problems(CliRunner.run("lint", "--format", "json", dir.toString()))).isEmpty();
    }

    @Test
    void aDisabledErrorNoLongerBlocksTheObject() throws IOException {
        write("a.yaml", "t1", "metrics", """
                - name: g
                  rules:
                  # rule-sync disable alerts/for
                  - alert: A
                    expr: up == 0
                    for: 5 min
                """);
        CliRunner.Result r = CliRunner.run("lint", dir.toString());
        assertThat(r.exit()).as(r.out()).isZero();
    }

    @Test
    void anErrorAtTheEndOfABlockScalarSitsOnItsLastLine() throws IOException {
        write("a.yaml", "t1", "metrics", """
                - name: g
                  rules:
                  - alert: A
                    expr: |
                      sum(rate(x[5m])
                  - alert: B
                    expr: up == 0
                """);
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", dir.toString());
        assertThat(problems(r)).containsExactly("a.yaml 15:24 promql/syntax");
    }

    @Test
    void spansInTextGithubAndSarif() throws IOException {
        write("a.yaml", "t1", "metrics", """
                - name: g
                  rules:
                  - alert: A
                    expr: up{job=~"api"} == 0
                """);
        assertThat(CliRunner.run("lint", dir.toString()).out()).contains("a.yaml:14:16: info: ").contains("(to 14:21)");
        assertThat(CliRunner.run("lint", "--format", "github", dir.toString()).out())
                .contains(",line=14,col=16,endLine=14,endColumn=20,");
        JsonNode region = JSON.readTree(CliRunner.run("lint", "--format", "sarif", dir.toString()).out())
                .get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation").get("region");
        assertThat(region.get("endLine").asInt()).isEqualTo(14);
        assertThat(region.get("endColumn").asInt()).isEqualTo(21);
    }
}
