package dev.rulesync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint command's formats and exit codes, run through the real command tree. */
class LintCommandTest {

    private static final Path BROKEN = Path.of("src/test/resources/lint/broken");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void textFormatIsOneLinePerProblemThenASummary() {
        CliRunner.Result r = CliRunner.run("lint", BROKEN.resolve("alerts-for.yaml").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines().toList()).containsExactly(
                BROKEN.resolve("alerts-for.yaml") + ":15:12: error: `for` \"5 min\" is not a valid duration "
                        + "(e.g. 30s, 5m, 1h30m; units y w d h m s ms, largest first) [alerts/for]",
                "1 problem (1 error, 0 warnings) in 1 file, 1 object, 1 rule");
    }

    @Test
    void aFileThatIsNotUtf8IsAProblemAndTheOthersAreStillLinted(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("a-latin1.yaml");
        byte[] text = "groups:\n- name: caf\u00e9\n  rules: []\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(bad, text);
        Path good = dir.resolve("b-broken.yaml");
        Files.copy(BROKEN.resolve("alerts-for.yaml"), good);
        CliRunner.Result r = CliRunner.run("lint", "--tenant", "t", "--type", "metrics", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList()).containsExactly(
                bad + ":2:12: error: the file is not valid UTF-8: byte 0xE9 at byte offset 19 (rule files must be "
                        + "UTF-8) [yaml/syntax]",
                good + ":15:12: error: `for` \"5 min\" is not a valid duration (e.g. 30s, 5m, 1h30m; units y w d h m "
                        + "s ms, largest first) [alerts/for]",
                "2 problems (2 errors, 0 warnings) in 2 files, 1 object, 1 rule");
    }

    @Test
    void jsonFormatCarriesObjectGroupAndRule() {
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", BROKEN.resolve("rule-recording-for.yaml").toString());
        JsonNode p = JSON.readTree(r.out()).get("problems").get(0);
        assertThat(p.get("path").asString()).endsWith("rule-recording-for.yaml");
        assertThat(p.get("severity").asString()).isEqualTo("error");
        assertThat(p.get("check").asString()).isEqualTo("rule/recording");
        assertThat(p.get("object").asString()).isEqualTo("PrometheusRule(team-a/broken)");
        assertThat(p.get("group").asString()).isEqualTo("g");
        assertThat(p.get("rule").asString()).isEqualTo("job:up:sum");
        JsonNode s = JSON.readTree(r.out()).get("summary");
        assertThat(s.get("errors").asInt()).isEqualTo(1);
        assertThat(s.get("rules").asInt()).isEqualTo(1);
    }

    @Test
    void githubFormatIsWorkflowCommands() {
        CliRunner.Result r = CliRunner.run("lint", "--format", "github", BROKEN.resolve("group-size.yaml").toString(),
                BROKEN.resolve("alerts-template-function.yaml").toString());
        assertThat(r.out()).contains("::error file=" + BROKEN.resolve("group-size.yaml") + ",line=13,col=5,title=group/size::the group has 21 rules");
        assertThat(r.out()).contains("::error file=" + BROKEN.resolve("alerts-template-function.yaml")
                + ",line=16,col=31,title=alerts/template::template in annotations.summary: 1:13: function \"humanise\" not defined");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void githubEscapesNewlinesAndPercentInMessages() {
        assertThat(dev.rulesync.report.ReportFormatAccess.githubData("50% of\nall")).isEqualTo("50%25 of%0Aall");
        assertThat(dev.rulesync.report.ReportFormatAccess.githubProperty("a:b,c")).isEqualTo("a%3Ab%2Cc");
    }

    @Test
    void sarifHasTheChecksAsRulesAndRegionsForResults() {
        CliRunner.Result r = CliRunner.run("lint", "--format", "sarif", BROKEN.resolve("group-interval.yaml").toString());
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("version").asString()).isEqualTo("2.1.0");
        JsonNode run = root.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules.size()).isGreaterThanOrEqualTo(20);
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asString()).isEqualTo("group/interval");
        assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString()).isEqualTo("group/interval");
        assertThat(result.get("level").asString()).isEqualTo("error");
        JsonNode loc = result.get("locations").get(0).get("physicalLocation");
        assertThat(loc.get("artifactLocation").get("uri").asString()).isEqualTo("src/test/resources/lint/broken/group-interval.yaml");
        assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(12);
        assertThat(loc.get("region").get("startColumn").asInt()).isEqualTo(15);
    }

    @Test
    void failOnWarningTurnsWarningsIntoExitOne() {
        String f = BROKEN.resolve("rule-duplicate.yaml").toString();
        assertThat(CliRunner.run("lint", f).exit()).isZero();
        assertThat(CliRunner.run("lint", "--fail-on", "warning", f).exit()).isEqualTo(1);
        assertThat(CliRunner.run("lint", "--fail-on", "warning", "--disable", "rule/duplicate", f).exit()).isZero();
        String big = BROKEN.resolve("group-size.yaml").toString();
        assertThat(CliRunner.run("lint", big).exit()).as("Mimir refuses the group: an error").isEqualTo(1);
        assertThat(CliRunner.run("lint", "--max-rules-per-group", "25", big).exit()).isZero();
    }

    @Test
    void usageAndIoErrorsExitTwo() {
        assertThat(CliRunner.run("lint").exit()).isEqualTo(2);
        assertThat(CliRunner.run("lint", "--format", "xml", "x").exit()).isEqualTo(2);
        assertThat(CliRunner.run("lint", "--type", "traces", "x").exit()).isEqualTo(2);
        CliRunner.Result missing = CliRunner.run("lint", "does/not/exist.yaml");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("does/not/exist.yaml").contains("no such file");
    }

    @Test
    void directoriesAreWalkedForYamlFilesOnly(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/bad.yml"), "groups: [\n");
        Files.writeString(dir.resolve("notes.txt"), "groups: [\n");
        CliRunner.Result r = CliRunner.run("lint", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("bad.yml:").doesNotContain("notes.txt").contains("in 1 file");
        CliRunner.Result twice = CliRunner.run("lint", dir.toString(), dir.resolve("sub/bad.yml").toString());
        assertThat(twice.out()).contains("in 1 file");
    }

    @Test
    void configurationSwitchesChecksOffGlobally(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("lint.yaml");
        Files.writeString(config, "rulesync:\n  lint:\n    disabled-checks: [alerts/for]\n    name-validation: legacy\n");
        assertThat(CliRunner.run("lint", "--config", config.toString(), BROKEN.resolve("alerts-for.yaml").toString()).exit()).isZero();
        // legacy names (Mimir's default) make the dotted label invalid; a Mimir set to utf8 takes it
        String dotted = BROKEN.resolve("rule-label-legacy.yaml").toString();
        assertThat(CliRunner.run("lint", "--config", config.toString(), dotted).exit()).isEqualTo(1);
        assertThat(CliRunner.run("lint", dotted).exit()).isEqualTo(1);
        assertThat(CliRunner.run("lint", "--name-validation", "utf8", dotted).exit()).isZero();
        Files.writeString(config, "rulesync:\n  lint:\n    mimir:\n      name-validation: utf8\n");
        assertThat(CliRunner.run("lint", "--config", config.toString(), dotted).exit()).isZero();
        // the same object as logs is judged by Loki, which always validates legacy names
        Files.writeString(dir.resolve("logs.yaml"), Files.readString(Path.of(dotted)).replace("type: metrics", "type: logs")
                .replace("expr: up == 0", "expr: sum(count_over_time({a=\"b\"}[1m])) == 0"));
        assertThat(CliRunner.run("lint", "--config", config.toString(), dir.resolve("logs.yaml").toString()).out())
                .contains("[rule/label]");
        Files.writeString(config, "rulesync:\n  lint:\n    disabled-check: [x]\n");
        CliRunner.Result bad = CliRunner.run("lint", "--config", config.toString(), BROKEN.resolve("alerts-for.yaml").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown setting rulesync.lint.disabled-check");
    }

    @Test
    void theDisableAnnotationSwitchesChecksOffForOneObject(@TempDir Path dir) throws IOException {
        String text = Files.readString(BROKEN.resolve("group-interval.yaml"))
                .replace("  labels:\n", "  annotations:\n    rule-sync.dev/disable: \"group/interval, rule/label\"\n  labels:\n");
        Path f = dir.resolve("disabled.yaml");
        Files.writeString(f, text);
        CliRunner.Result r = CliRunner.run("lint", f.toString());
        assertThat(r.out()).startsWith("no problems");
        assertThat(r.exit()).isZero();
    }
}
